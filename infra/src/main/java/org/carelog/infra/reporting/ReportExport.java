package org.carelog.infra.reporting;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The operational reports as CSV: {@code GET /reports/census.csv} (one row per day, department and practitioner,
 * as the counters are kept) and {@code GET /reports/tokens.csv} (each token's times), with the report filter as
 * query parameters ({@code from}, {@code to}, {@code facility}, {@code departmentId}, {@code practitionerId},
 * {@code servicePointId}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class ReportExport {

    private final CsvReports csv;

    ReportExport(CsvReports csv) {
        this.csv = csv;
    }

    @GetMapping("/reports/census.csv")
    ResponseEntity<StreamingResponseBody> census(ReportFilterInput filter) {
        return csv.export("census", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("c", true, false);
            return new CsvReports.Query(
                    "select c.day, c.department_id, c.practitioner_id, c.registrations, c.appointments_booked,"
                            + " c.appointments_cancelled, c.appointments_attended, c.appointments_no_show,"
                            + " c.walk_in_tokens, c.appointment_tokens, c.new_patient_visits,"
                            + " c.returning_patient_visits from report_census c" + where.sql()
                            + " order by c.day, c.department_id, c.practitioner_id",
                    where.args());
        });
    }

    @GetMapping("/reports/tokens.csv")
    ResponseEntity<StreamingResponseBody> tokens(ReportFilterInput filter) {
        return csv.export("tokens", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("t", false, true);
            return new CsvReports.Query(
                    "select t.day, t.service_point_id, s.code as service_point_code, t.number, t.department_id,"
                            + " t.walk_in, t.priority, t.issued_at, t.called_at, t.started_at, t.finished_at,"
                            + " t.no_show from report_token t left join service_point_directory s"
                            + " on s.service_point_id = t.service_point_id" + where.sql()
                            + " order by t.day, s.code, t.number",
                    where.args());
        });
    }
}
