package org.carelog.api.practitioner;

import java.time.Instant;

/** A service point as the directory shows it; {@code closedAt} is null while it is open. */
public record ServicePointSummary(
        String servicePointId,
        String departmentId,
        String code,
        String nameEn,
        String nameBn,
        ServicePointKind kind,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {}
