package org.carelog.api.prescription;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;

/**
 * Writes and signs a prescription in one act: only a doctor acting as a practitioner whose BMDC registration is
 * valid today can. Refused with CONFLICT code {@code ALLERGY_CONFLICT} when a medicine matches an active allergy
 * of the patient, unless {@code overrideReason} is given. Answers the {@link PrescriptionId}.
 *
 * @param verificationReference the unguessable reference printed as the QR code, chosen by the caller
 */
public record WritePrescription(
        @TargetAggregateIdentifier PrescriptionId prescriptionId,
        PatientId patientId,
        EncounterId encounterId,
        List<PrescribedItem> items,
        String advice,
        LocalDate followUpOn,
        String overrideReason,
        String verificationReference) {}
