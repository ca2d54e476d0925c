package org.carelog.command.lab;

import org.carelog.api.patient.PatientId;

/** Whether a patient is registered (the command side's own patient lookup), before an order names them. */
public interface LabOrderPatients {

    boolean registered(PatientId patient);
}
