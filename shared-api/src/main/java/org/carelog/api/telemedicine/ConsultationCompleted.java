package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The consultation is over: its encounter was signed, or the clinician ended it. */
@Revision("1")
public record ConsultationCompleted(
        @DataSubject PatientId patientId, ConsultationId consultationId, CompletionReason reason)
        implements ConsultationEvent {}
