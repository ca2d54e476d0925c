package org.carelog.infra.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams a report query as CSV (RFC 4180, UTF-8, a header of the query's column labels) from a database cursor in
 * a read-only transaction, so a year of rows never sits in memory. Every report export is one SQL query over the
 * report's own tables, narrowed by the {@link ReportFilter}; a filter that does not parse is a 400 with the stable
 * error code as JSON and no query runs.
 */
@Component
class CsvReports {

    private static final int FETCH_SIZE = 1_000;

    /** One export's SQL and its arguments. */
    record Query(String sql, List<Object> args) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final FacilityProperties facility;
    private final ObjectMapper json;

    CsvReports(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            FacilityProperties facility,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.facility = facility;
        this.json = json;
    }

    /** {@code name.csv}: the rows {@code query} selects for the parsed filter. */
    ResponseEntity<StreamingResponseBody> export(
            String name, ReportFilterInput input, Function<ReportFilter, Query> query) {
        ReportFilter filter;
        try {
            filter = input.parse(facility.mrnPrefix());
        } catch (CarelogException e) {
            return refusal(e);
        }
        Query chosen = query.apply(filter);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            readOnly.executeWithoutResult(status -> jdbc.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement(chosen.sql());
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
                        } catch (IOException e) {
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

    private ResponseEntity<StreamingResponseBody> refusal(CarelogException e) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("code", e.code().name(), "message", e.getMessage()));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(out -> out.write(body));
    }
}
