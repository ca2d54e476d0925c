package org.carelog.infra.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Ids;

/**
 * What a report covers: local days from and to (both inclusive), narrowed to a department, a practitioner or a
 * service point. Carelog runs one facility per deployment, so the facility is the configured one
 * ({@code carelog.facility}); a facility code other than it is refused.
 */
record ReportFilter(LocalDate from, LocalDate to, UUID departmentId, UUID practitionerId, UUID servicePointId) {

    static final int MAX_DAYS = 3 * 366;

    static ReportFilter parse(
            LocalDate from,
            LocalDate to,
            String facility,
            String configuredFacility,
            String departmentId,
            String practitionerId,
            String servicePointId) {
        if (from == null || to == null) {
            throw CarelogException.validation(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw CarelogException.validation("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw CarelogException.validation("to", "a report covers at most " + MAX_DAYS + " days");
        }
        if (facility != null && !facility.strip().equalsIgnoreCase(configuredFacility)) {
            throw CarelogException.validation("facility", "this Carelog serves " + configuredFacility + " only");
        }
        return new ReportFilter(
                from,
                to,
                departmentId == null ? null : Ids.uuid("departmentId", departmentId, "department"),
                practitionerId == null ? null : Ids.uuid("practitionerId", practitionerId, "practitioner"),
                servicePointId == null ? null : Ids.uuid("servicePointId", servicePointId, "service point"));
    }
}
