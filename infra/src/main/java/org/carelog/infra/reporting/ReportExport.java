package org.carelog.infra.reporting;

import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The operational reports as CSV, streamed from a database cursor (a year of tokens never sits in memory):
 * {@code GET /reports/census.csv} (one row per day, department and practitioner, as the counters are kept) and
 * {@code GET /reports/tokens.csv} (each token's times), with the report filter as parameters
 * ({@code from}, {@code to}, {@code departmentId}, {@code practitionerId}, {@code servicePointId}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class ReportExport {

    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final FacilityProperties facility;

    ReportExport(JdbcTemplate jdbc, PlatformTransactionManager transactions, FacilityProperties facility) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.facility = facility;
    }

    @GetMapping("/reports/census.csv")
    ResponseEntity<StreamingResponseBody> census(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facilityCode,
            @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String practitionerId) {
        return export("census", from, to, facilityCode, departmentId, practitionerId, null, filter -> {
            ReportFilter.Condition where = filter.condition("c", true, false);
            return new Query(
                    "select c.day, c.department_id, c.practitioner_id, c.registrations, c.appointments_booked,"
                            + " c.appointments_cancelled, c.appointments_attended, c.appointments_no_show,"
                            + " c.walk_in_tokens, c.appointment_tokens, c.new_patient_visits,"
                            + " c.returning_patient_visits from report_census c" + where.sql()
                            + " order by c.day, c.department_id, c.practitioner_id",
                    where.args());
        });
    }

    @GetMapping("/reports/tokens.csv")
    ResponseEntity<StreamingResponseBody> tokens(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String facilityCode,
            @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String servicePointId) {
        return export("tokens", from, to, facilityCode, departmentId, null, servicePointId, filter -> {
            ReportFilter.Condition where = filter.condition("t", false, true);
            return new Query(
                    "select t.day, t.service_point_id, s.code as service_point_code, t.number, t.department_id,"
                            + " t.walk_in, t.priority, t.issued_at, t.called_at, t.started_at, t.finished_at,"
                            + " t.no_show from report_token t left join service_point_directory s"
                            + " on s.service_point_id = t.service_point_id" + where.sql()
                            + " order by t.day, s.code, t.number",
                    where.args());
        });
    }

    private record Query(String sql, List<Object> args) {}

    private ResponseEntity<StreamingResponseBody> export(
            String name,
            LocalDate from,
            LocalDate to,
            String facilityCode,
            String departmentId,
            String practitionerId,
            String servicePointId,
            java.util.function.Function<ReportFilter, Query> query) {
        ReportFilter filter;
        try {
            filter = ReportFilter.parse(
                    from, to, facilityCode, facility.mrnPrefix(), departmentId, practitionerId, servicePointId);
        } catch (CarelogException e) {
            String body = "{\"code\":\"" + e.code().name() + "\",\"message\":\""
                    + e.getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
        }
        Query chosen = query.apply(filter);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            readOnly.executeWithoutResult(status -> jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement(chosen.sql());
                        statement.setFetchSize(FETCH_SIZE);
                        for (int i = 0; i < chosen.args().size(); i++) {
                            statement.setObject(i + 1, chosen.args().get(i));
                        }
                        return statement;
                    },
                    (ResultSetExtractor<Void>) rs -> {
                        try {
                            ResultSetMetaData columns = rs.getMetaData();
                            String[] header = new String[columns.getColumnCount()];
                            for (int i = 0; i < header.length; i++) {
                                header[i] = columns.getColumnLabel(i + 1);
                            }
                            CSVPrinter csv = new CSVPrinter(
                                    writer,
                                    CSVFormat.RFC4180
                                            .builder()
                                            .setHeader(header)
                                            .get());
                            while (rs.next()) {
                                for (int i = 1; i <= header.length; i++) {
                                    csv.print(rs.getObject(i));
                                }
                                csv.println();
                            }
                            csv.flush();
                            return null;
                        } catch (java.io.IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(body);
    }
}
