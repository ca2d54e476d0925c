package org.carelog.api.prescription;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.Justified;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A signed prescription was corrected by a new one; it stays readable, its medicines no longer current. */
@Revision("1")
public record PrescriptionReplaced(
        @DataSubject PatientId patientId,
        PrescriptionId prescriptionId,
        PrescriptionId replacedBy,
        @PersonalData String reason)
        implements PatientRecordEvent, Justified {}
