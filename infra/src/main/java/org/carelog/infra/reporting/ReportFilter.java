package org.carelog.infra.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

    /** A WHERE clause and its arguments. */
    record Condition(StringBuilder sql, List<Object> args) {}

    /**
     * The filter as a WHERE clause over a report table (alias {@code alias}) with the columns day, department_id
     * and, where the table has them ({@code practitioner}, {@code servicePoint}), practitioner_id and
     * service_point_id; a filter on a column the table lacks is ignored.
     */
    Condition condition(String alias, boolean practitioner, boolean servicePoint) {
        Condition condition = new Condition(
                new StringBuilder(" where " + alias + ".day between ? and ?"), new ArrayList<>(List.of(from, to)));
        and(condition, alias + ".department_id", departmentId);
        if (practitioner) {
            and(condition, alias + ".practitioner_id", practitionerId);
        }
        if (servicePoint) {
            and(condition, alias + ".service_point_id", servicePointId);
        }
        return condition;
    }

    private static void and(Condition condition, String column, UUID value) {
        if (value != null) {
            condition.sql().append(" and ").append(column).append(" = ?");
            condition.args().add(value);
        }
    }

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
