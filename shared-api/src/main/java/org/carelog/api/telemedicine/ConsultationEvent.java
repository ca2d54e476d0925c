package org.carelog.api.telemedicine;

import org.carelog.api.clinical.PatientRecordEvent;

/** An event of one virtual consultation; part of the patient's record. */
public interface ConsultationEvent extends PatientRecordEvent {

    ConsultationId consultationId();
}
