package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.Justified;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A verified result was corrected: a new version, with the reason, awaiting verification again. */
@Revision("1")
public record LabResultCorrected(
        @DataSubject PatientId patientId,
        LabOrderId orderId,
        int version,
        @PersonalData LabResult result,
        @PersonalData String reason)
        implements LabEvent, Justified {}
