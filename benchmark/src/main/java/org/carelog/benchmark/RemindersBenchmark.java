package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reminders benchmark (not a test). (1) A real reminder end to end: an appointment booked over GraphQL whose
 * reminder deadline (db-scheduler row) fires about a minute later and is sent to a local HTTP gateway run by this
 * process. (2) Dispatch throughput: {@code reminders} (50,000) queued reminders (copies of that real message, same
 * encrypted content) sent to the local gateway by Carelog's workers: reminders per second. (3) The deadline
 * scheduler's cost per pending reminder: {@code pending} (1,000,000) copies of the real deadline row, due in 30
 * days: table and index bytes per row, the due-query's time, and the child JVM's memory before and after.
 * Run with {@code java -Dscenario=reminders -jar benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md.
 */
final class RemindersBenchmark {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    private RemindersBenchmark() {}

    static void main(String[] args) throws Exception {
        int reminders = Integer.getInteger("reminders", 50_000);
        int pending = Integer.getInteger("pending", 1_000_000);
        AtomicLong received = new AtomicLong();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 200);
        gateway.setExecutor(Executors.newFixedThreadPool(8));
        gateway.createContext("/sms/send", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"status\":\"SUCCESS\",\"smsinfo\":[{\"reference_id\":\"" + received.incrementAndGet()
                            + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();

        // Reminders 23 hours before; the appointment is put 23 hours and a little after the moment Carelog is ready
        // (the session starts at that minute), so the real reminder is due soon whatever the start-up took.
        Duration offset = Duration.ofHours(23);
        System.setProperty(
                "childArgs",
                System.getProperty("childArgs", "") + " --carelog.communication.sms.url=http://localhost:"
                        + gateway.getAddress().getPort() + "/sms/send"
                        + " --carelog.communication.quiet-hours.start=00:00"
                        + " --carelog.communication.quiet-hours.end=00:00"
                        + " --carelog.communication.scheduler.polling-interval=PT1S"
                        + " --carelog.communication.reminders.appointment-offsets=" + offset);
        if (System.getProperty("startTimeout") == null) {
            System.setProperty("startTimeout", "600");
        }
        Settings settings = Settings.fromSystemProperties();
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        StringBuilder report = new StringBuilder("# Reminders benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n");
            Instant due = Instant.now().plus(Duration.ofSeconds(Integer.getInteger("firstReminderAfterSeconds", 120)));
            java.time.ZonedDateTime local =
                    due.plus(offset).atZone(DHAKA).withSecond(0).withNano(0).plusMinutes(1);
            if (local.getDayOfWeek() == DayOfWeek.FRIDAY || local.getHour() >= 23) {
                throw new IllegalStateException("run it another hour: the appointment would fall on the day off or"
                        + " past 23:00 (" + local + ")");
            }
            Instant start = local.toInstant();
            due = start.minus(offset);
            String appointment = bookOne(admin, start);
            try (Connection db = DriverManager.getConnection(carelog.jdbcUrl(), "postgres", "")) {
                // (3a) the real deadline row, before it fires
                long deadlineRowBytes =
                        longOf(db, "select coalesce(max(pg_column_size(t.*)), 0) from scheduled_tasks t");
                long taskDataBytes = longOf(db, "select coalesce(max(length(task_data)), 0) from scheduled_tasks");
                long sagaBytes = longOf(
                        db,
                        "select coalesce(sum(pg_column_size(s.*)), 0) from sagaentry s where sagaid in"
                                + " (select sagaid from associationvalueentry where associationvalue = '" + appointment
                                + "')");
                long associationBytes = longOf(
                        db,
                        "select coalesce(sum(pg_column_size(a.*)), 0) from associationvalueentry a where sagaid in"
                                + " (select sagaid from associationvalueentry where associationvalue = '" + appointment
                                + "')");
                exec(db, "create table bench_deadline as select * from scheduled_tasks");
                // (1) the real reminder: deadline fires, message queued and sent
                long waitStart = System.nanoTime();
                while (longOf(db, "select count(*) from communication_message where status = 'SENT'") < 1) {
                    if (System.nanoTime() - waitStart > Duration.ofMinutes(6).toNanos()) {
                        throw new IllegalStateException("the real reminder was not sent; see " + carelog.log);
                    }
                    Thread.sleep(200);
                }
                report.append("## A real reminder\n\nBooked over GraphQL; its deadline fired ")
                        .append(Duration.between(due, Instant.now()).toMillis())
                        .append(
                                " ms after its due time (db-scheduler polling every second) and the SMS reached the local gateway.\n\n");

                // (2) dispatch throughput
                long before = received.get();
                long t0 = System.nanoTime();
                try (PreparedStatement copy = db.prepareStatement(
                        "insert into communication_message (message_id, deduplication_key, patient_id, kind, channel,"
                                + " language, status, decision, content, display, has_secret, encoding, segments,"
                                + " attempts, next_attempt_at, created_at, updated_at)"
                                + " select gen_random_uuid(), 'bench:' || g, m.patient_id, m.kind, m.channel, m.language,"
                                + " 'QUEUED', m.decision, m.content, m.display, false, m.encoding, m.segments, 0, now(),"
                                + " now(), now() from communication_message m, generate_series(1, ?) g"
                                + " where m.status = 'SENT' and m.deduplication_key like 'appointment-reminder:%'")) {
                    copy.setInt(1, reminders);
                    copy.executeUpdate();
                }
                long queuedAt = System.nanoTime();
                CpuWindow cpu = new CpuWindow(carelog);
                cpu.begin();
                while (longOf(
                                db,
                                "select count(*) from communication_message where deduplication_key like 'bench:%'"
                                        + " and status = 'SENT'")
                        < reminders) {
                    Thread.sleep(100);
                }
                long t1 = System.nanoTime();
                cpu.end();
                CpuWindow.Result c = cpu.result();
                double seconds = (t1 - queuedAt) / 1e9;
                report.append("## Dispatch: ")
                        .append(reminders)
                        .append(" queued reminders to a local HTTP gateway\n\n")
                        .append(String.format(
                                "| reminders | queued in | sent in | reminders/s | gateway requests | CPU s Carelog / PostgreSQL / other | machine busy |%n|---|---|---|---|---|---|---|%n"
                                        + "| %d | %.1f s | %.1f s | %.0f | %d | %.1f / %.1f / %.1f | %.0f %% |%n%n",
                                reminders,
                                (queuedAt - t0) / 1e9,
                                seconds,
                                reminders / seconds,
                                received.get() - before,
                                c.carelogJava(),
                                c.postgres(),
                                c.otherProcesses(),
                                c.machineBusyPercent()));

                // (3b) a million pending deadlines
                CarelogProcess.MemorySnapshot m0 = carelog.memory();
                long tableBefore = longOf(db, "select pg_total_relation_size('scheduled_tasks')");
                long i0 = System.nanoTime();
                exec(
                        db,
                        "insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                                + " version, consecutive_failures) select b.task_name, b.task_instance || '-' || g, b.task_data,"
                                + " now() + interval '30 days' + g * interval '1 second', false, 1, 0"
                                + " from bench_deadline b, generate_series(1, " + pending + ") g");
                long i1 = System.nanoTime();
                exec(db, "vacuum analyze scheduled_tasks");
                long rows = longOf(db, "select count(*) from scheduled_tasks");
                long heap = longOf(db, "select pg_relation_size('scheduled_tasks')");
                long total = longOf(db, "select pg_total_relation_size('scheduled_tasks')");
                long t2 = System.nanoTime();
                long due2 = longOf(
                        db,
                        "select count(*) from (select task_name from scheduled_tasks where picked = false"
                                + " and execution_time <= now() order by execution_time asc limit 100) d");
                long dueQueryMicros = (System.nanoTime() - t2) / 1000;
                // let the scheduler poll a minute with a million rows pending
                Thread.sleep(60_000);
                CarelogProcess.MemorySnapshot m1 = carelog.memory();
                report.append("## ")
                        .append(pending)
                        .append(" pending reminders (db-scheduler table)\n\n")
                        .append(String.format(
                                "| rows | inserted in | heap bytes/row | with indexes bytes/row | task_data bytes | due query | Java RSS before → after (60 s of polling) |%n"
                                        + "|---|---|---|---|---|---|---|%n| %d | %.1f s | %d | %d | %d | %d µs (%d due) | %d → %d MiB |%n%n",
                                rows,
                                (i1 - i0) / 1e9,
                                heap / Math.max(1, rows),
                                (total - tableBefore) / Math.max(1, rows),
                                taskDataBytes,
                                dueQueryMicros,
                                due2,
                                m0.javaRssKib() / 1024,
                                m1.javaRssKib() / 1024));
                report.append("Per appointment (two reminders) the saga store holds ")
                        .append(sagaBytes)
                        .append(" bytes (sagaentry) and ")
                        .append(associationBytes)
                        .append(" bytes (associationvalueentry rows, before indexes); one deadline row is ")
                        .append(deadlineRowBytes)
                        .append(" bytes.\n");
            }
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
            gateway.stop(0);
        }
        System.out.println(report);
        Files.writeString(work.resolve("reminders-benchmark-results.md"), report);
        System.exit(0);
    }

    /** A department, chamber, doctor with a session and a patient who consented to SMS; books one slot. */
    private static String bookOne(GraphQlClient admin, Instant start) throws Exception {
        String department = check(admin.post(
                        "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                        Map.of("input", Map.of("code", "REM", "nameEn", "Reminders", "nameBn", "রিমাইন্ডার"))))
                .at("/data/createDepartment/departmentId")
                .asText();
        String chamber = check(admin.post(
                        "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "departmentId", department,
                                        "code", "REM1",
                                        "nameEn", "Room 1",
                                        "nameBn", "কক্ষ ১",
                                        "kind", "CHAMBER"))))
                .at("/data/addServicePoint/servicePointId")
                .asText();
        String doctor = check(admin.post(
                        "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) {"
                                + " practitionerId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "nameEn",
                                        "Dr. Bench",
                                        "nameBn",
                                        "ডা. বেঞ্চ",
                                        "role",
                                        "DOCTOR",
                                        "bmdc",
                                        Map.of(
                                                "number",
                                                "A-77777",
                                                "expiresOn",
                                                LocalDate.now().plusYears(2).toString()),
                                        "specialty",
                                        "Medicine",
                                        "departmentId",
                                        department,
                                        "languages",
                                        List.of("BN", "EN"),
                                        "fees",
                                        Map.of("newVisit", "800", "followUp", "500")))))
                .at("/data/registerPractitioner/practitionerId")
                .asText();
        check(admin.post(
                "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                doctor,
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId",
                                        chamber,
                                        "days",
                                        List.of("SATURDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
                                        "start",
                                        start.atZone(DHAKA).toLocalTime().toString(),
                                        "end",
                                        start.atZone(DHAKA)
                                                .toLocalTime()
                                                .plusMinutes(30)
                                                .toString(),
                                        "slotMinutes",
                                        15,
                                        "capacity",
                                        10,
                                        "types",
                                        List.of("IN_PERSON")))))));
        ObjectNode registration = new Patients().next();
        registration.putObject("consent").put("sms", true).put("email", false);
        String patient = check(admin.post(
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", registration)))
                .at("/data/registerPatient/patientId")
                .asText();
        Thread.sleep(2_000); // the patient directory and the scheduling lookup catch up
        return check(admin.post(
                        "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "patientId",
                                        patient,
                                        "practitionerId",
                                        doctor,
                                        "start",
                                        start.atZone(DHAKA).toOffsetDateTime().toString()))))
                .at("/data/bookSlot/appointmentId")
                .asText();
    }

    private static JsonNode check(JsonNode response) {
        if (response.has("errors")) {
            throw new IllegalStateException("GraphQL errors: " + response);
        }
        return response;
    }

    private static long longOf(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
