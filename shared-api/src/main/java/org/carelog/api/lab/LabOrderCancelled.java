package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.Justified;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** The order was cancelled before any result, with the reason. */
@Revision("1")
public record LabOrderCancelled(@DataSubject PatientId patientId, LabOrderId orderId, @PersonalData String reason)
        implements LabEvent, Justified {}
