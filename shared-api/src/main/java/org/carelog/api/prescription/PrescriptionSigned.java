package org.carelog.api.prescription;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.Justified;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.PractitionerId;

/**
 * A prescription was written and signed by a doctor with a BMDC registration valid on the day. It never
 * changes afterwards.
 *
 * @param signedOn the facility's local day of signing (the registration was valid then)
 * @param replaces the prescription this one corrects, or null
 * @param conflicts active allergies the prescriber overrode (empty when none)
 * @param reason the override's reason, or null when nothing was overridden
 * @param verificationReference printed as a QR code; resolves to this prescription for pharmacists
 */
@Revision("1")
public record PrescriptionSigned(
        @DataSubject PatientId patientId,
        PrescriptionId prescriptionId,
        EncounterId encounterId,
        PractitionerId practitionerId,
        BmdcNumber bmdcNumber,
        LocalDate signedOn,
        @PersonalData List<PrescribedItem> items,
        @PersonalData String advice,
        @PersonalData LocalDate followUpOn,
        PrescriptionId replaces,
        @PersonalData List<AllergyConflict> conflicts,
        @PersonalData String reason,
        String verificationReference)
        implements PatientRecordEvent, Justified {}
