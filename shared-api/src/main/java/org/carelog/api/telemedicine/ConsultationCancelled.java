package org.carelog.api.telemedicine;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The appointment was cancelled (or moved to an in-person visit): nobody joins any more. */
@Revision("1")
public record ConsultationCancelled(@DataSubject PatientId patientId, ConsultationId consultationId, UUID appointmentId)
        implements ConsultationEvent {}
