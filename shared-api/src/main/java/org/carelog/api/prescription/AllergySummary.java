package org.carelog.api.prescription;

import java.time.Instant;

/** An allergy as the chart shows it. Personal parts are null for an erased patient. */
public record AllergySummary(
        String allergyId,
        String substanceCode,
        String substanceName,
        AllergyCategory category,
        String reaction,
        AllergySeverity severity,
        AllergyStatus status,
        String statusReason,
        String recordedBy,
        String recordedByRole,
        Instant recordedAt,
        Instant updatedAt) {}
