package org.carelog.api.lab;

import org.carelog.api.clinical.PatientRecordEvent;

/** An event of one lab or imaging order; part of the patient's record. */
public interface LabEvent extends PatientRecordEvent {

    LabOrderId orderId();
}
