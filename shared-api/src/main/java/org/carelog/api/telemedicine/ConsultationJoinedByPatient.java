package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The patient (or their named caregiver) joined through their link: they are in the waiting room until the clinician joins. Every join is recorded. */
@Revision("1")
public record ConsultationJoinedByPatient(
        @DataSubject PatientId patientId, ConsultationId consultationId, Participant participant, int linkVersion)
        implements ConsultationEvent {}
