package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** The assigned clinician joined: the consultation is in progress, in the VIRTUAL encounter of its appointment. Every join is recorded. */
@Revision("1")
public record ConsultationJoinedByClinician(
        @DataSubject PatientId patientId,
        ConsultationId consultationId,
        PractitionerId practitionerId,
        EncounterId encounterId)
        implements ConsultationEvent {}
