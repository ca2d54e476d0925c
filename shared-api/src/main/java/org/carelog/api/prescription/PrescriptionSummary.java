package org.carelog.api.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A signed prescription as the chart shows it; {@code stopped} lists medicines stopped since. */
public record PrescriptionSummary(
        String prescriptionId,
        String patientId,
        String encounterId,
        String practitionerId,
        String bmdcNumber,
        String signedBy,
        Instant signedAt,
        LocalDate signedOn,
        List<PrescribedItem> items,
        String advice,
        LocalDate followUpOn,
        String replaces,
        String replacedBy,
        String replacedReason,
        List<AllergyConflict> conflicts,
        String overrideReason,
        String verificationReference,
        List<StoppedItem> stopped) {}
