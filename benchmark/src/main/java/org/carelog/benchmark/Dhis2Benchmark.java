package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DHIS2 export benchmark (not a test): how long a month's data value set takes to build, and to send, at a large
 * hospital's volume. The report tables the export reads ({@code report_census}, {@code report_diagnosis},
 * {@code report_lab_order}) are filled directly by SQL with {@code months} months of {@code visitsPerDay} visits a
 * day (one diagnosis each, 40 % with a lab order), since building them through commands would measure the
 * projections, not the export; the mapping has {@code 122} entries (census facility-wide and for three
 * departments, ten ICD chapters, four codes by sex and age group, ten tests ordered and abnormal). A local HTTP
 * server stands in for DHIS2 and answers at once. Run with
 * {@code java -Dscenario=dhis2 -jar benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md.
 */
final class Dhis2Benchmark {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final String[] CENSUS = {
        "registrations",
        "appointments-booked",
        "appointments-cancelled",
        "appointments-attended",
        "no-shows",
        "walk-ins",
        "appointment-tokens",
        "new-patient-visits",
        "returning-patient-visits"
    };
    private static final String[] AGES = {"<1", "1-4", "5-14", "15-24", "25-44", "45-64", "65+"};
    private static final String QUERY =
            "query($m: String!) { dhis2DataValueSet(month: $m) { complete dataValues {" + " value } } }";

    private Dhis2Benchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int months = Integer.getInteger("months", 3);
        int visitsPerDay = Integer.getInteger("visitsPerDay", 5000);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        List<UUID> departments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            departments.add(new UUID(0xDE9A, i));
        }
        AtomicLong posts = new AtomicLong();
        HttpServer dhis2 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dhis2.createContext("/api/dataValueSets", exchange -> {
            JsonNode set = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchange.getRequestBody());
            posts.incrementAndGet();
            byte[] answer = ("{\"status\":\"OK\",\"response\":{\"responseType\":\"ImportSummary\",\"status\":"
                            + "\"SUCCESS\",\"importCount\":{\"imported\":0,\"updated\":"
                            + set.path("dataValues").size() + ",\"ignored\":0,\"deleted\":0},\"conflicts\":[]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        dhis2.start();
        Map<String, String> environment = new HashMap<>();
        environment.put(
                "CARELOG_REPORTING_DHIS2_BASE_URL",
                "http://127.0.0.1:" + dhis2.getAddress().getPort());
        environment.put("CARELOG_REPORTING_DHIS2_USERNAME", "bench");
        environment.put("CARELOG_REPORTING_DHIS2_PASSWORD", "bench-password");
        environment.put("CARELOG_REPORTING_DHIS2_ORG_UNIT", "OrgUnit0001");
        environment.put("CARELOG_REPORTING_DHIS2_DATA_SET", "DataSet0001");
        List<String> figures = figures(departments);
        for (int i = 0; i < figures.size(); i++) {
            environment.put("CARELOG_REPORTING_DHIS2_MAPPING_" + i + "_FIGURE", figures.get(i));
            environment.put("CARELOG_REPORTING_DHIS2_MAPPING_" + i + "_DATA_ELEMENT", String.format("De%09d", i));
        }
        CarelogProcess carelog = CarelogProcess.start(settings, work, environment);
        StringBuilder report = new StringBuilder("# DHIS2 export benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            YearMonth month = YearMonth.now(DHAKA).minusMonths(1);
            long seedStart = System.nanoTime();
            long[] rows = seed(
                    carelog, month.minusMonths(months - 1L).atDay(1), month.atEndOfMonth(), visitsPerDay, departments);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            JsonNode first = admin.post(QUERY, Map.of("m", month.toString()));
            if (first.has("errors") || first.has("httpError")) {
                throw new IllegalStateException("dhis2DataValueSet failed: " + first);
            }
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n")
                    .append(String.format(
                            "Report tables filled by SQL in %.1f s: %d census rows, %d diagnoses, %d lab orders"
                                    + " (%d months of %d visits a day). Mapping: %d entries; month measured: %s.%n%n",
                            seedSeconds, rows[0], rows[1], rows[2], months, visitsPerDay, figures.size(), month));
            report.append("| operation | clients | per s | p50 ms | p99 ms | max ms | errors |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (int clients : new int[] {1, 4}) {
                Recorder.Summary s = ClosedLoop.run(
                        clients,
                        settings.warmupSeconds(),
                        settings.durationSeconds(),
                        () -> () -> {
                            JsonNode body = admin.post(QUERY, Map.of("m", month.toString()));
                            return body.has("httpError")
                                    ? body.get("httpError").asText()
                                    : GraphQlClient.graphQlError(body);
                        },
                        null);
                row(report, "dhis2DataValueSet (build the set)", clients, s);
            }
            AtomicLong keys = new AtomicLong();
            Recorder.Summary sent = ClosedLoop.run(
                    1,
                    settings.warmupSeconds(),
                    settings.durationSeconds(),
                    () -> () -> {
                        JsonNode body = admin.post(
                                "mutation($input: SendDhis2DataValueSetInput!) { sendDhis2DataValueSet(input:"
                                        + " $input) { submission { status updated } } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "month",
                                                month.toString(),
                                                "idempotencyKey",
                                                "bench-" + System.nanoTime() + "-" + keys.incrementAndGet())));
                        return body.has("httpError")
                                ? body.get("httpError").asText()
                                : GraphQlClient.graphQlError(body);
                    },
                    null);
            row(report, "sendDhis2DataValueSet (build, POST, record)", 1, sent);
            report.append("\nDHIS2 stand-in received ").append(posts.get()).append(" data value sets.\n");
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
            dhis2.stop(0);
        }
        System.out.println(report);
        Files.writeString(work.resolve("dhis2-benchmark-results.md"), report);
    }

    private static void row(StringBuilder report, String operation, int clients, Recorder.Summary s) {
        report.append(String.format(
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
                operation,
                clients,
                s.perSecond(),
                s.p50Millis(),
                s.p99Millis(),
                s.maxMillis(),
                s.errors() == 0 ? "0" : s.errorKinds()));
    }

    private static List<String> figures(List<UUID> departments) {
        List<String> figures = new ArrayList<>();
        for (String census : CENSUS) {
            figures.add("census." + census);
        }
        for (UUID department : departments.subList(0, 3)) {
            for (String census : CENSUS) {
                if (!census.equals("registrations")) {
                    figures.add("census." + census + "[department=" + department + "]");
                }
            }
        }
        for (int chapter = 1; chapter <= 10; chapter++) {
            figures.add(String.format("diagnoses.chapter:%02d", chapter));
        }
        for (String code : new String[] {"CA40", "1A00", "BA00", "5A11"}) {
            for (String sex : new String[] {"FEMALE", "MALE"}) {
                for (String age : AGES) {
                    figures.add("diagnoses.code:" + code + "[sex=" + sex + ",age=" + age + "]");
                }
            }
        }
        for (int test = 0; test < 10; test++) {
            figures.add("lab.orders:" + (700 + test) + "-1");
            figures.add("lab.abnormal:" + (700 + test) + "-1");
        }
        // Pad to 122 with whole-code counts, a typical size for a monthly facility form.
        for (int i = 0; figures.size() < 122; i++) {
            figures.add("diagnoses.code:X" + i);
        }
        return figures;
    }

    /** Fills the report tables for the days, as the projections would: rows per department and practitioner. */
    private static long[] seed(
            CarelogProcess carelog, LocalDate from, LocalDate to, int visitsPerDay, List<UUID> departments)
            throws Exception {
        try (Connection db = DriverManager.getConnection(carelog.jdbcUrl(), "postgres", "")) {
            java.sql.Array ids = db.createArrayOf("uuid", departments.toArray());
            long census = fill(
                    db,
                    ids,
                    from,
                    to,
                    null,
                    "insert into report_census (day, department_id, practitioner_id, registrations,"
                            + " appointments_booked, appointments_cancelled, appointments_attended,"
                            + " appointments_no_show, walk_in_tokens, appointment_tokens, new_patient_visits,"
                            + " returning_patient_visits) select d::date, (?::uuid[])[1 + dep], md5(dep || '-' || p)::uuid,"
                            + " (random() * 20)::int, (random() * 60)::int, (random() * 6)::int, (random() * 50)::int,"
                            + " (random() * 8)::int, (random() * 40)::int, (random() * 50)::int,"
                            + " (random() * 30)::int, (random() * 60)::int"
                            + " from generate_series(?::date, ?::date, interval '1 day') d,"
                            + " generate_series(0, 9) dep, generate_series(0, 9) p");
            long diagnoses = fill(
                    db,
                    ids,
                    from,
                    to,
                    visitsPerDay,
                    "insert into report_diagnosis (diagnosis_id, patient_id, day, department_id, practitioner_id,"
                            + " system, code, chapter, age_group, sex, retracted)"
                            + " select gen_random_uuid(), null, d::date, (?::uuid[])[1 + i % 10],"
                            + " md5((i % 10) || '-' || (i % 7))::uuid, 'ICD-11',"
                            + " (array['CA40','1A00','BA00','5A11','CA23','8A80','DA42','ME84'])[1 + (i * 7) % 8],"
                            + " lpad((1 + i % 26)::text, 2, '0'),"
                            + " (array['<1','1-4','5-14','15-24','25-44','45-64','65+','UNKNOWN'])[1 + (i * 3) % 8],"
                            + " (array['FEMALE','MALE','FEMALE','MALE','OTHER'])[1 + (i * 5) % 5], i % 50 = 0"
                            + " from generate_series(?::date, ?::date, interval '1 day') d, generate_series(1, ?) i");
            long labs = fill(
                    db,
                    ids,
                    from,
                    to,
                    visitsPerDay * 2 / 5,
                    "insert into report_lab_order (order_id, patient_id, day, department_id, practitioner_id, kind,"
                            + " code, name, ordered_at, verified_at, flag, cancelled)"
                            + " select gen_random_uuid(), null, d::date, (?::uuid[])[1 + i % 10],"
                            + " md5((i % 10) || '-' || (i % 7))::uuid, 'LAB', (700 + i % 12) || '-1', 'Test',"
                            + " d + interval '9 hours', d + interval '13 hours',"
                            + " (array['NORMAL','NORMAL','NORMAL','LOW','HIGH',null])[1 + (i * 7) % 6], i % 33 = 0"
                            + " from generate_series(?::date, ?::date, interval '1 day') d, generate_series(1, ?) i");
            try (var s = db.createStatement()) {
                s.execute("analyze report_census, report_diagnosis, report_lab_order");
            }
            return new long[] {census, diagnoses, labs};
        }
    }

    /** Runs one generating insert: the departments, the first and last day, and rows per day when it takes them. */
    private static long fill(
            Connection db, java.sql.Array departments, LocalDate from, LocalDate to, Integer perDay, String sql)
            throws java.sql.SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, departments);
            s.setObject(2, from);
            s.setObject(3, to);
            if (perDay != null) {
                s.setInt(4, perDay);
            }
            return s.executeUpdate();
        }
    }
}
