package org.carelog.api.prescription;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.Justified;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** One medicine of a signed prescription was stopped before its course ended (the prescription is unchanged). */
@Revision("1")
public record MedicationStopped(
        @DataSubject PatientId patientId,
        PrescriptionId prescriptionId,
        int item,
        LocalDate stoppedOn,
        @PersonalData String reason)
        implements PatientRecordEvent, Justified {}
