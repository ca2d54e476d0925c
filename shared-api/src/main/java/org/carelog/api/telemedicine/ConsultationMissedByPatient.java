package org.carelog.api.telemedicine;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The join window closed and the patient never joined. */
@Revision("1")
public record ConsultationMissedByPatient(@DataSubject PatientId patientId, ConsultationId consultationId)
        implements ConsultationEvent {}
