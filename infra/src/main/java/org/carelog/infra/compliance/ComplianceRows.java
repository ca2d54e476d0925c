package org.carelog.infra.compliance;

import java.time.OffsetDateTime;
import java.util.List;

/** The rows of the compliance reports, as GraphQL returns them and in the order the CSV columns follow. */
final class ComplianceRows {

    /** The staff-audit action recorded when a report is exported. */
    static final String REPORT_EXPORTED = "REPORT_EXPORTED";

    /** Roles that read health records, in SQL. */
    static final String CLINICAL_ROLES = "'DOCTOR', 'NURSE', 'LAB_TECHNICIAN', 'AUDITOR'";

    private ComplianceRows() {}

    record AccessRead(
            long id,
            OffsetDateTime occurredAt,
            String username,
            String role,
            String patientId,
            String view,
            String requestId,
            Long breakGlassId,
            String breakGlassReason) {}

    record BreakGlassUse(
            long id,
            OffsetDateTime openedAt,
            OffsetDateTime expiresAt,
            String username,
            String role,
            String patientId,
            String reason,
            long reads,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String reviewNote) {}

    record PrivilegeChange(
            long id,
            OffsetDateTime occurredAt,
            String actor,
            String action,
            String target,
            String oldValue,
            String newValue,
            String requestId) {}

    record Erasure(
            long id,
            String patientId,
            OffsetDateTime erasedAt,
            String legalBasis,
            String reference,
            String username,
            String role,
            String requestId) {}

    record ClinicalAccessUser(
            String username,
            String displayName,
            String role,
            boolean enabled,
            String practitionerId,
            boolean mfaEnrolled,
            OffsetDateTime lastSignInAt,
            OffsetDateTime lastRecordReadAt,
            long breakGlassGrants) {}

    /** One page of a report; {@code nextCursor} is null on the last page. */
    record Page<R>(List<R> items, String nextCursor) {}
}
