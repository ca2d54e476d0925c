package org.carelog.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration benchmark (not a test; nothing here asserts a time). In one run: starts Carelog from its
 * jar, measures start-up and idle memory, the JDBC single-row insert baseline on the same PostgreSQL,
 * registerPatient over GraphQL at several concurrencies, the lag until a registration is searchable,
 * memory after the load, and a SIGTERM shutdown. Prints a Markdown report and writes it to
 * benchmark/target/benchmark-results.md. See docs/PERFORMANCE.md.
 */
public final class RegistrationBenchmark {

    private RegistrationBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("scheduling")) {
            SchedulingBenchmark.main(args);
            return;
        }
        if ("chart".equals(System.getProperty("scenario"))) {
            ChartBenchmark.main(args);
            return;
        }
        if ("reminders".equals(System.getProperty("scenario"))) {
            RemindersBenchmark.main(args);
            return;
        }
        if ("billing".equals(System.getProperty("scenario"))) {
            BillingBenchmark.main(args);
            return;
        }
        if ("queue".equals(System.getProperty("scenario"))) {
            QueueBenchmark.main(args);
            return;
        }
        if ("messages".equals(System.getProperty("scenario"))) {
            MessagesBenchmark.main(args);
            return;
        }
        if ("telemedicine".equals(System.getProperty("scenario"))) {
            TelemedicineBenchmark.main(args);
            return;
        }
        if ("dhis2".equals(System.getProperty("scenario"))) {
            Dhis2Benchmark.main(args);
            return;
        }
        Settings settings = Settings.fromSystemProperties();
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        Results results = new Results(settings);
        results.startedAt = ZonedDateTime.now();
        results.loadBefore = Proc.loadAverage();
        log("Starting Carelog from " + settings.carelogJar() + (settings.quick() ? " (quick mode)" : ""));
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        Thread cleanup = new Thread(carelog::close, "benchmark-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            run(settings, carelog, results, work);
        } finally {
            carelog.close();
            if (settings.keepData()) {
                log("Data directory kept: " + carelog.dataDirectory);
            } else {
                carelog.deleteDataDirectory();
            }
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        String report = Report.markdown(results);
        if (results.jfrFile != null) {
            report += "\n## Flight recording of the Carelog JVM during registerPatient at "
                    + settings.peakConcurrency() + " clients\n\n" + "File: `" + results.jfrFile + "`\n\n"
                    + FlightRecording.summarize(results.jfrFile);
        }
        System.out.println();
        System.out.println(report);
        Files.writeString(settings.output(), report);
        log("Written to " + settings.output().toAbsolutePath());
    }

    private static void run(Settings settings, CarelogProcess carelog, Results results, Path work) throws Exception {
        results.command = String.join(" ", carelog.command);
        results.ready = carelog.awaitReady(settings.startTimeoutSeconds());
        log("Ready after " + results.ready.toMillis() + " ms at " + carelog.baseUrl() + ", PostgreSQL "
                + carelog.jdbcUrl());
        TimeUnit.SECONDS.sleep(settings.idleSettleSeconds());
        results.idle = carelog.memory();
        results.postmasterIsDescendant = carelog.postmasterIsDescendant();
        log("Idle: " + results.idle);

        // (a) JDBC baseline
        JdbcInsertBaseline jdbc = new JdbcInsertBaseline(carelog.jdbcUrl());
        results.serverSettings = jdbc.serverSettings();
        log("PostgreSQL " + results.serverSettings);
        jdbc.createTable();
        for (int clients : settings.phases().contains("a") ? settings.concurrencies() : List.<Integer>of()) {
            AtomicInteger number = new AtomicInteger();
            CpuWindow cpu = new CpuWindow(carelog);
            Recorder.Summary s = ClosedLoop.run(
                    clients,
                    settings.warmupSeconds(),
                    settings.durationSeconds(),
                    () -> jdbc.client(number.incrementAndGet()),
                    cpu);
            results.jdbc.put(clients, new Results.Run(s, cpu.result()));
            log(String.format(
                    "(a) JDBC insert, %2d clients: %8.1f/s p50 %.2f ms p99 %.2f ms, %d errors %s",
                    clients, s.perSecond(), s.p50Millis(), s.p99Millis(), s.errors(), s.errorKinds()));
        }
        jdbc.dropTable();

        // (b) registerPatient over GraphQL
        GraphQlClient client = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
        Patients patients = new Patients();
        for (int clients : settings.phases().contains("b") ? settings.concurrencies() : List.<Integer>of()) {
            boolean record = settings.jfr() && clients == settings.peakConcurrency();
            if (record) {
                results.jfrFile = work.resolve("carelog-register-" + clients + ".jfr");
                FlightRecording.start(carelog.javaPid(), results.jfrFile);
            }
            CpuWindow cpu = new CpuWindow(carelog);
            Recorder.Summary s = ClosedLoop.run(
                    clients,
                    settings.warmupSeconds(),
                    settings.durationSeconds(),
                    () -> () -> client.register(patients.next()).error(),
                    cpu);
            if (record) {
                FlightRecording.stop(carelog.javaPid());
            }
            results.graphql.put(clients, new Results.Run(s, cpu.result()));
            log(String.format(
                    "(b) registerPatient, %2d clients: %8.1f/s p50 %.2f ms p99 %.2f ms, %d errors %s",
                    clients, s.perSecond(), s.p50Millis(), s.p99Millis(), s.errors(), s.errorKinds()));
        }

        // (c) search lag, paced at half the peak and flat out
        double peak = results.graphql.values().stream()
                .mapToDouble(r -> r.summary().perSecond())
                .max()
                .orElse(1);
        double paced = settings.pacedRate() > 0 ? settings.pacedRate() : Math.max(1, peak / 2);
        SearchLag lag = new SearchLag(client, patients, settings);
        if (settings.phases().contains("c") || settings.phases().contains("cpaced")) {
            results.lagHalf = lag.paced(paced, new CpuWindow(carelog));
            log("(c) " + describe(results.lagHalf));
        }
        if (settings.phases().contains("c") || settings.phases().contains("cpeak")) {
            results.lagPeak = lag.flatOut(settings.peakConcurrency(), new CpuWindow(carelog));
            log("(c) " + describe(results.lagPeak));
        }

        // consistency: everything acknowledged is stored and projected
        results.registeredTotal = GraphQlClient.registeredSoFar();
        results.counts = counts(jdbc);
        log("Registered " + results.registeredTotal + ", in the database: " + results.counts);

        // (d2) memory after the load, then SIGTERM
        results.afterLoad = carelog.memory();
        log("After load: " + results.afterLoad);
        results.shutdown = carelog.terminate(90);
        log("Shutdown: " + results.shutdown);
    }

    private static Map<String, Long> counts(JdbcInsertBaseline jdbc) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = jdbc.connect();
                Statement s = c.createStatement()) {
            for (String table : new String[] {"domainevententry", "patient_match", "patient_directory"}) {
                counts.put(table, count(s, table));
            }
            // The directory may still be catching up: wait (bounded) until it has every event's patient.
            while (counts.get("patient_directory") < counts.get("patient_match") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                counts.put("patient_directory", count(s, "patient_directory"));
            }
        }
        return counts;
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String describe(SearchLag.Result r) {
        return String.format(
                "%s: %.1f/s (target %.1f), registration p50 %.1f ms p99 %.1f ms, %d errors %s; lag p50 %.1f ms"
                        + " p99 %.1f ms max %.1f ms over %d samples, %d not found, %d search errors %s",
                r.mode(),
                r.registrations().perSecond(),
                r.targetPerSecond(),
                r.registrations().p50Millis(),
                r.registrations().p99Millis(),
                r.registrations().errors(),
                r.registrations().errorKinds(),
                r.lag().p50Millis(),
                r.lag().p99Millis(),
                r.lag().maxMillis(),
                r.samples(),
                r.timeouts(),
                r.searchErrors().errors(),
                r.searchErrors().errorKinds());
    }

    static void log(String line) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), line);
    }

    /** Everything measured in one run. */
    static final class Results {
        final Settings settings;
        ZonedDateTime startedAt;
        String loadBefore;
        String command;
        Duration ready;
        CarelogProcess.MemorySnapshot idle;
        CarelogProcess.MemorySnapshot afterLoad;
        boolean postmasterIsDescendant;
        Map<String, String> serverSettings = Map.of();
        final Map<Integer, Run> jdbc = new LinkedHashMap<>();
        final Map<Integer, Run> graphql = new LinkedHashMap<>();
        SearchLag.Result lagHalf;
        SearchLag.Result lagPeak;
        long registeredTotal;
        Map<String, Long> counts = Map.of();
        CarelogProcess.Shutdown shutdown;
        Path jfrFile;

        Results(Settings settings) {
            this.settings = settings;
        }

        record Run(Recorder.Summary summary, CpuWindow.Result cpu) {}
    }
}
