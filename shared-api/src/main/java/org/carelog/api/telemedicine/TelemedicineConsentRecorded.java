package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The patient consented to be seen by video (BMDC telemedicine guidance); who recorded it and when are the event's metadata and timestamp. */
@Revision("1")
public record TelemedicineConsentRecorded(
        @DataSubject PatientId patientId, ConsultationId consultationId, ConsentMethod method, Participant givenBy)
        implements ConsultationEvent {}
