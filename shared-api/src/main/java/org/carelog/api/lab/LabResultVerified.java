package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** A second user verified the result version; it is now part of the patient's history. */
@Revision("1")
public record LabResultVerified(@DataSubject PatientId patientId, LabOrderId orderId, int version)
        implements LabEvent {}
