package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A result was entered (version 1); it awaits verification by a second authorised user. */
@Revision("1")
public record LabResultEntered(
        @DataSubject PatientId patientId, LabOrderId orderId, int version, @PersonalData LabResult result)
        implements LabEvent {}
