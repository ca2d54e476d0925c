package org.carelog.api.prescription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects a signed prescription: {@code replacement} (same patient) is written and signed with the same rules as
 * {@link WritePrescription}, and the old one is marked replaced by it, for {@code reason}. Both stay readable.
 */
public record ReplacePrescription(
        @TargetAggregateIdentifier PrescriptionId prescriptionId, WritePrescription replacement, String reason) {}
