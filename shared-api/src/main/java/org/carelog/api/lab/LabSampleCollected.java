package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** The sample was taken. */
@Revision("1")
public record LabSampleCollected(@DataSubject PatientId patientId, LabOrderId orderId, @PersonalData String specimen)
        implements LabEvent {}
