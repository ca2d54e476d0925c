package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A caregiver may join for the patient (a child's parent, an elderly patient's son); a link of their own follows. */
@Revision("1")
public record ConsultationCaregiverNamed(
        @DataSubject PatientId patientId,
        ConsultationId consultationId,
        @PersonalData String name,
        @PersonalData String relationship)
        implements ConsultationEvent {}
