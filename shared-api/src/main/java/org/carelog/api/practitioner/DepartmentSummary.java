package org.carelog.api.practitioner;

import java.time.Instant;

/** A department as the directory shows it. */
public record DepartmentSummary(
        String departmentId, String code, String nameEn, String nameBn, Instant createdAt, Instant updatedAt) {}
