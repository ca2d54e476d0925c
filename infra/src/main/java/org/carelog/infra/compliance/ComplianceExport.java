package org.carelog.infra.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.infra.compliance.ComplianceReport.Filter;
import org.carelog.infra.security.StaffAudit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every compliance report as CSV ({@code GET /reports/compliance/{report}.csv?username=&patientId=&from=&to=},
 * auditors only), streamed from a database cursor to the response: a year of the access log never sits in
 * memory. Each export is itself recorded in the staff audit (action REPORT_EXPORTED) before any row is sent.
 * A column per record component, in order, headed by its name; times in ISO-8601 with their offset; UTF-8.
 */
@RestController
class ComplianceExport {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ComplianceReports reports;
    private final StaffAudit audit;
    private final ObjectMapper json;

    ComplianceExport(ComplianceReports reports, StaffAudit audit, ObjectMapper json) {
        this.reports = reports;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/reports/compliance/{report}.csv")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String report,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            Authentication user,
            HttpServletRequest request)
            throws JsonProcessingException {
        ComplianceReport chosen = ComplianceReport.byFileName(report).orElse(null);
        if (chosen == null) {
            return refusal(CarelogException.notFound("No compliance report called " + report));
        }
        Filter filter = new Filter(username, patientId, from, to);
        try {
            // Validates the filter before anything is recorded or sent.
            reports.page(chosen, filter, 1, null);
        } catch (CarelogException e) {
            return refusal(e);
        }
        String requestId = request.getHeader("X-Request-Id");
        audit.record(
                new StaffAudit.Change(
                        user.getName(),
                        requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null,
                        null),
                ComplianceRows.REPORT_EXPORTED,
                chosen.fileName(),
                null,
                abbreviate(filter.describe()));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            RecordComponent[] columns = chosen.rowType().getRecordComponents();
            CSVPrinter csv = new CSVPrinter(
                    writer,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(Arrays.stream(columns)
                                    .map(RecordComponent::getName)
                                    .toArray(String[]::new))
                            .get());
            reports.stream(chosen, filter, row -> print(csv, columns, row));
            csv.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + ".csv\"")
                .body(body);
    }

    /** A refused export: the error's stable code and message as JSON, nothing recorded. */
    private ResponseEntity<StreamingResponseBody> refusal(CarelogException e) throws JsonProcessingException {
        byte[] body = json.writeValueAsBytes(Map.of("code", e.code().name(), "message", e.getMessage()));
        return ResponseEntity.status(e.code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(out -> out.write(body));
    }

    private static void print(CSVPrinter csv, RecordComponent[] columns, Record row) {
        try {
            for (RecordComponent column : columns) {
                csv.print(column.getAccessor().invoke(row));
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.isEmpty() ? null : text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
