package org.carelog.infra.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.AppointmentReference;
import org.carelog.api.queue.CallReason;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.scheduling.VisitKind;
import org.carelog.infra.InProcessBenchmarks;
import org.carelog.infra.privacy.ReplayBenchmark;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports benchmark (not a test: run it by hand, see docs/PERFORMANCE.md, "Reporting"). Boots Carelog in this
 * JVM on a fresh durable embedded PostgreSQL and measures two things.
 *
 * <p><b>Rebuild.</b> Every event processor except the report projections is stopped (so no saga reacts and nothing
 * competes); {@code -Ddays} days of {@code -DpatientsPerDay} patients are appended through the event store with
 * their days' timestamps (registrations of new patients, appointments checked in or missed, two tokens per visit
 * called and served, an encounter with a diagnosis, a lab order for every third visit: personal data encrypted
 * with each patient's key, as in production). Then, {@code -Drounds} times, each report processor is stopped, reset
 * and timed until it has replayed the whole store.
 *
 * <p><b>Dashboard over a year.</b> The report tables are then filled by SQL with a year of a
 * {@code -DyearPatientsPerDay} hospital (the rows the projections would hold: census counters per day, department
 * and practitioner; a row per appointment, token, registration and diagnosis), and the dashboard's and managers'
 * queries are timed over GraphQL/HTTP as an administrator, {@code -Dqueries} times each after a warm-up.
 * {@code -Djfr=true} records the rebuilds.
 */
public final class ReportsBenchmark {

    private static final int APPEND_BATCH = 500;
    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final List<String> PROCESSORS = List.of("operational-reports", "clinical-reports");
    private static final String[] CODES = {"BA00", "5A11", "CA23", "1A00", "CA40", "DA63", "8A80", "1F40"};

    private ReportsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int patientsPerDay = Integer.getInteger("patientsPerDay", 2_000);
        int days = Integer.getInteger("days", 5);
        int rounds = Integer.getInteger("rounds", 2);
        int yearPatientsPerDay = Integer.getInteger("yearPatientsPerDay", 5_000);
        int queries = Integer.getInteger("queries", 300);
        Path work = Files.createTempDirectory("carelog-reports-");
        try (ConfigurableApplicationContext carelog =
                InProcessBenchmarks.start(work, "--carelog.security.mfa.required-roles=")) {
            JdbcTemplate jdbc = carelog.getBean(JdbcTemplate.class);
            EventProcessingConfiguration processing = carelog.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().forEach((name, processor) -> {
                if (!PROCESSORS.contains(name)) {
                    processor.shutDown();
                }
            });
            long appended = append(carelog.getBean(EventStore.class), patientsPerDay, days);
            long stored = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
            System.out.printf("events in the store: %,d (%,d appended by the benchmark)%n", stored, appended);
            long head = carelog.getBean(EventStore.class)
                    .createHeadToken()
                    .position()
                    .orElseThrow();
            jdk.jfr.Recording recording = null;
            if (Boolean.getBoolean("jfr")) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(work.resolve("reports-rebuild.jfr"));
                recording.start();
            }
            for (String name : PROCESSORS) {
                StreamingEventProcessor processor = processing
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                InProcessBenchmarks.awaitAt(processor, head);
                InProcessBenchmarks.timeRebuilds(
                        processor, rounds, stored, rebuilding -> InProcessBenchmarks.awaitAt(rebuilding, head));
            }
            if (recording != null) {
                recording.stop();
                recording.close();
                System.out.println("flight recording of the rebuilds: " + work.resolve("reports-rebuild.jfr"));
            }
            printCounts(jdbc);

            LocalDate today = LocalDate.now(carelog.getBean(Clock.class).withZone(DHAKA));
            long fill = System.nanoTime();
            fillYear(jdbc, today, yearPatientsPerDay);
            System.out.printf("filled a year of %,d patients a day in %.1f s%n", yearPatientsPerDay, seconds(fill));
            printCounts(jdbc);

            int port = ((ServletWebServerApplicationContext) carelog)
                    .getWebServer()
                    .getPort();
            Http http = new Http("http://localhost:" + port);
            String department = jdbc.queryForObject(
                    "select department_id::text from report_census where department_id <> ? limit 1",
                    String.class,
                    OperationalReportProjector.NONE);
            Map<String, String> operations = new LinkedHashMap<>();
            String census = "day registrations appointmentsBooked appointmentsAttended appointmentsNoShow noShowRate"
                    + " walkInTokens appointmentTokens newPatientVisits returningPatientVisits";
            String flow = "servicePointId code tokens served noShows waitAverageMinutes waitMedianMinutes"
                    + " wait90thPercentileMinutes serviceMedianMinutes service90thPercentileMinutes tokensByHour"
                    + " busiestHours";
            operations.put(
                    "dashboard tile, facility (today's census and every queue)",
                    "{ dailyCensus(filter: %s) { %s } patientFlow(filter: %s) { %s } }"
                            .formatted(filter(today, today, null), census, filter(today, today, null), flow));
            operations.put(
                    "dashboard tile, one department",
                    "{ dailyCensus(filter: %s) { %s } patientFlow(filter: %s) { %s } }"
                            .formatted(
                                    filter(today, today, department), census, filter(today, today, department), flow));
            operations.put(
                    "daily census, last 30 days",
                    "{ dailyCensus(filter: %s) { %s } }".formatted(filter(today.minusDays(29), today, null), census));
            operations.put(
                    "daily census, a year",
                    "{ dailyCensus(filter: %s) { %s } }".formatted(filter(today.minusDays(364), today, null), census));
            operations.put(
                    "patient flow, last 30 days, one department",
                    "{ patientFlow(filter: %s) { %s } }"
                            .formatted(filter(today.minusDays(29), today, department), flow));
            operations.put(
                    "diagnosis report, last 30 days",
                    "{ diagnosisReport(filter: %s) { total byChapter { key count } topCodes { code count"
                                    .formatted(filter(today.minusDays(29), today, null))
                            + " bySex { key count } byAgeGroup { key count } } } }");
            for (Map.Entry<String, String> operation : operations.entrySet()) {
                http.time(operation.getKey(), operation.getValue(), queries);
            }
        }
        System.out.println("work directory: " + work);
        System.exit(0); // the embedded database's and Axon's threads would keep the JVM alive
    }

    private static String filter(LocalDate from, LocalDate to, String department) {
        return "{from: \"%s\", to: \"%s\"%s}"
                .formatted(from, to, department == null ? "" : ", departmentId: \"" + department + "\"");
    }

    /** A visit's aggregates and their next sequence numbers, kept while appending. */
    private static final class Sequences {
        private final Map<String, Long> next = new HashMap<>();

        long of(String aggregate) {
            return next.merge(aggregate, 1L, Long::sum) - 1;
        }
    }

    private static long append(EventStore events, int patientsPerDay, int days) {
        Random random = new Random(2026);
        Sequences sequences = new Sequences();
        List<PatientId> known = new ArrayList<>();
        InProcessBenchmarks.Appender batch = new InProcessBenchmarks.Appender(events, APPEND_BATCH);
        PractitionerId[] doctors = new PractitionerId[20];
        DepartmentId[] departments = new DepartmentId[5];
        ServicePointId[] chambers = new ServicePointId[doctors.length];
        ServicePointId[] counters = new ServicePointId[departments.length];
        for (int d = 0; d < departments.length; d++) {
            departments[d] = new DepartmentId(UUID.randomUUID());
            counters[d] = new ServicePointId(UUID.randomUUID());
        }
        for (int p = 0; p < doctors.length; p++) {
            doctors[p] = new PractitionerId(UUID.randomUUID());
            chambers[p] = new ServicePointId(UUID.randomUUID());
        }
        Map<String, Object> metadata = Map.of(MetadataKeys.USERNAME, "bench", MetadataKeys.ROLE, "RECEPTIONIST");
        long startAppend = System.nanoTime();
        LocalDate first = LocalDate.now(DHAKA).minusDays(days);
        int registered = 0;
        for (int dayIndex = 0; dayIndex < days; dayIndex++) {
            LocalDate day = first.plusDays(dayIndex);
            Instant opening = day.atTime(8, 0).atZone(DHAKA).toInstant();
            Map<String, Integer> numbers = new HashMap<>();
            for (int i = 0; i < patientsPerDay; i++) {
                Instant arrival = opening.plusSeconds((long) i * 9 * 3600 / patientsPerDay);
                PatientId patient;
                if (known.isEmpty() || random.nextInt(10) < 4) {
                    patient = PatientId.random();
                    known.add(patient);
                    add(
                            batch,
                            sequences,
                            "Patient",
                            patient.toString(),
                            ReplayBenchmark.registered(patient, registered++),
                            metadata,
                            arrival.minusSeconds(600));
                } else {
                    patient = known.get(random.nextInt(known.size()));
                }
                int doctor = random.nextInt(doctors.length);
                int department = doctor % departments.length;
                AppointmentReference reference = null;
                if (random.nextInt(10) < 6) {
                    DayScheduleId schedule = new DayScheduleId(doctors[doctor], day);
                    AppointmentId appointment = AppointmentId.random();
                    add(
                            batch,
                            sequences,
                            "DaySchedule",
                            schedule.toString(),
                            new SlotBooked(
                                    schedule,
                                    appointment,
                                    patient,
                                    departments[department],
                                    chambers[doctor],
                                    arrival,
                                    arrival.plusSeconds(600),
                                    AppointmentType.IN_PERSON,
                                    VisitKind.NEW_VISIT,
                                    false,
                                    null,
                                    null,
                                    null),
                            metadata,
                            arrival.minusSeconds(86_400));
                    if (random.nextInt(10) == 0) {
                        add(
                                batch,
                                sequences,
                                "DaySchedule",
                                schedule.toString(),
                                new AppointmentMarkedNoShow(schedule, appointment, patient),
                                metadata,
                                day.atTime(18, 0).atZone(DHAKA).toInstant());
                        continue;
                    }
                    add(
                            batch,
                            sequences,
                            "DaySchedule",
                            schedule.toString(),
                            new AppointmentCheckedIn(
                                    appointment,
                                    patient,
                                    doctors[doctor],
                                    chambers[doctor],
                                    arrival,
                                    arrival,
                                    schedule),
                            metadata,
                            arrival);
                    reference = new AppointmentReference(appointment.value(), arrival);
                }
                Instant seen = token(
                        batch,
                        sequences,
                        numbers,
                        new TokenQueueId(chambers[doctor], day),
                        patient,
                        reference,
                        arrival,
                        random,
                        metadata);
                EncounterId encounter = EncounterId.random();
                add(
                        batch,
                        sequences,
                        "Encounter",
                        encounter.toString(),
                        new EncounterOpened(
                                patient,
                                encounter,
                                EncounterType.OUTPATIENT,
                                reference == null ? EncounterOrigin.TOKEN : EncounterOrigin.APPOINTMENT,
                                null,
                                null,
                                doctors[doctor]),
                        metadata,
                        seen);
                add(
                        batch,
                        sequences,
                        "Encounter",
                        encounter.toString(),
                        new DiagnosisRecorded(
                                patient,
                                encounter,
                                UUID.randomUUID(),
                                DiagnosisRank.PRIMARY,
                                "ICD11_MMS",
                                CODES[random.nextInt(CODES.length)],
                                null,
                                false),
                        metadata,
                        seen.plusSeconds(300));
                if (i % 3 == 0) {
                    LabOrderId order = LabOrderId.random();
                    String id = order.toString();
                    add(
                            batch,
                            sequences,
                            "LabOrder",
                            id,
                            new LabTestOrdered(
                                    patient,
                                    order,
                                    encounter,
                                    LabOrderKind.LAB,
                                    "718-7",
                                    "Hemoglobin [Mass/volume] in Blood",
                                    LabPriority.ROUTINE,
                                    null),
                            metadata,
                            seen.plusSeconds(400));
                    add(
                            batch,
                            sequences,
                            "LabOrder",
                            id,
                            new LabResultEntered(
                                    patient,
                                    order,
                                    1,
                                    LabResult.interpret(
                                            String.valueOf(9 + random.nextInt(8)),
                                            "g/dL",
                                            new BigDecimal("12"),
                                            new BigDecimal("16"),
                                            null,
                                            null,
                                            null,
                                            null,
                                            null)),
                            metadata,
                            seen.plusSeconds(3_600));
                    add(
                            batch,
                            sequences,
                            "LabOrder",
                            id,
                            new LabResultVerified(patient, order, 1),
                            metadata,
                            seen.plusSeconds(4_000 + random.nextInt(7_200)));
                }
                // and the pharmacy or billing counter of the department
                token(
                        batch,
                        sequences,
                        numbers,
                        new TokenQueueId(counters[department], day),
                        patient,
                        null,
                        seen.plusSeconds(900),
                        random,
                        metadata);
            }
        }
        long appended = batch.finish();
        double elapsed = seconds(startAppend);
        System.out.printf("appended %,d events in %.1f s (%,.0f/s)%n", appended, elapsed, appended / elapsed);
        return appended;
    }

    /** Issues, calls, starts and finishes a token; returns when service started. */
    private static Instant token(
            InProcessBenchmarks.Appender batch,
            Sequences sequences,
            Map<String, Integer> numbers,
            TokenQueueId queue,
            PatientId patient,
            AppointmentReference appointment,
            Instant issued,
            Random random,
            Map<String, Object> metadata) {
        String id = queue.toString();
        int number = numbers.merge(id, 1, Integer::sum);
        add(
                batch,
                sequences,
                "TokenQueue",
                id,
                new TokenIssued(
                        patient,
                        queue,
                        number,
                        ServicePointCode.parse("BEN"),
                        "NORMAL",
                        appointment,
                        null,
                        UUID.randomUUID(),
                        null),
                metadata,
                issued);
        Instant called = issued.plusSeconds(60L + random.nextInt(3_600));
        add(
                batch,
                sequences,
                "TokenQueue",
                id,
                new TokenCalled(queue, number, CallReason.FIRST_COME_FIRST_SERVED, null),
                metadata,
                called);
        add(
                batch,
                sequences,
                "TokenQueue",
                id,
                new TokenServiceStarted(queue, number),
                metadata,
                called.plusSeconds(30));
        add(
                batch,
                sequences,
                "TokenQueue",
                id,
                new TokenServiceFinished(queue, number),
                metadata,
                called.plusSeconds(300L + random.nextInt(900)));
        return called.plusSeconds(30);
    }

    private static void add(
            InProcessBenchmarks.Appender batch,
            Sequences sequences,
            String type,
            String aggregate,
            Object payload,
            Map<String, Object> metadata,
            Instant at) {
        batch.add(new GenericDomainEventMessage<>(
                type,
                aggregate,
                sequences.of(aggregate),
                payload,
                metadata,
                UUID.randomUUID().toString(),
                at));
    }

    private static void printCounts(JdbcTemplate jdbc) {
        for (String table : List.of(
                "report_registration",
                "report_appointment",
                "report_census",
                "report_token",
                "report_encounter",
                "report_diagnosis",
                "report_lab_order")) {
            System.out.printf(
                    "  %-20s %,12d rows%n", table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
    }

    /**
     * A year of a hospital seeing {@code perDay} patients a day, written straight into the report tables: 10
     * departments of 5 practitioners, each practitioner's chamber and one counter per department; 60 % of visits
     * by appointment (10 % of those missed, 3 % cancelled), 40 % of patients new; two tokens per visit; a
     * diagnosis per visit.
     */
    private static void fillYear(JdbcTemplate jdbc, LocalDate today, int perDay) {
        for (String table : List.of(
                "report_registration",
                "report_appointment",
                "report_census",
                "report_token",
                "report_encounter",
                "report_diagnosis",
                "report_lab_order",
                "report_prescription_item",
                "report_patient")) {
            jdbc.execute("truncate " + table);
        }
        LocalDate first = today.minusDays(364);
        jdbc.execute("create temporary table bench_practitioner as select p, (p % 10) as d,"
                + " md5('practitioner' || p)::uuid as practitioner_id, md5('department' || (p % 10))::uuid as"
                + " department_id, md5('chamber' || p)::uuid as chamber_id, md5('counter' || (p % 10))::uuid as"
                + " counter_id from generate_series(0, 49) p");
        int appointments = perDay * 6 / 10;
        // census: per day and practitioner (appointments), per day and department (tokens, visits), per day
        // (registrations)
        jdbc.update(
                "insert into report_census (day, department_id, practitioner_id, appointments_booked,"
                        + " appointments_cancelled, appointments_attended, appointments_no_show)"
                        + " select day, department_id, practitioner_id, ? + ?, ?, ? - ? , ?"
                        + " from generate_series(?::date, ?::date, '1 day') day, bench_practitioner",
                appointments / 50,
                appointments * 3 / 100 / 50,
                appointments * 3 / 100 / 50,
                appointments / 50,
                appointments / 10 / 50,
                appointments / 10 / 50,
                first,
                today);
        jdbc.update(
                "insert into report_census (day, department_id, practitioner_id, walk_in_tokens, appointment_tokens,"
                        + " new_patient_visits, returning_patient_visits)"
                        + " select day, md5('department' || d)::uuid, ?, ?, ?, ?, ?"
                        + " from generate_series(?::date, ?::date, '1 day') day, generate_series(0, 9) d",
                OperationalReportProjector.NONE,
                perDay * 4 / 10 / 10,
                appointments * 9 / 10 / 10,
                perDay * 4 / 10 / 10,
                perDay * 6 / 10 / 10,
                first,
                today);
        jdbc.update(
                "insert into report_census (day, department_id, practitioner_id, registrations)"
                        + " select day, ?, ?, ? from generate_series(?::date, ?::date, '1 day') day",
                OperationalReportProjector.NONE,
                OperationalReportProjector.NONE,
                perDay * 4 / 10,
                first,
                today);
        jdbc.update(
                "insert into report_registration (patient_id, day) select md5('patient' || day || n)::uuid, day"
                        + " from generate_series(?::date, ?::date, '1 day') day, generate_series(1, ?) n",
                first,
                today,
                perDay * 4 / 10);
        jdbc.update(
                "insert into report_appointment (appointment_id, day, department_id, practitioner_id, patient_id,"
                        + " status) select md5('appointment' || day || n)::uuid, day, b.department_id,"
                        + " b.practitioner_id, md5('patient' || n)::uuid, case when n % 10 = 0 then 'NO_SHOW'"
                        + " else 'CHECKED_IN' end from generate_series(?::date, ?::date, '1 day') day,"
                        + " generate_series(1, ?) n join bench_practitioner b on b.p = n % 50",
                first, today, appointments);
        // two tokens per visit: the practitioner's chamber, then the department's counter
        for (String servicePoint : List.of("chamber_id", "counter_id")) {
            jdbc.update(
                    "insert into report_token (service_point_id, day, number, department_id, walk_in, priority,"
                            + " issued_at, issued_hour, called_at, started_at, finished_at, no_show)"
                            + " select b." + servicePoint + ", day, row_number() over (partition by day, b."
                            + servicePoint + " order by n), b.department_id, n % 10 >= 6, 'NORMAL', issued,"
                            + " extract(hour from issued at time zone 'Asia/Dhaka'), issued + wait, issued + wait"
                            + " + interval '30 seconds', issued + wait + service, false from ("
                            + " select day, n, (day + time '08:00') at time zone 'Asia/Dhaka'"
                            + " + (n * interval '9 hours' / ?) as issued, (n * 7919 % 3600) * interval '1 second'"
                            + " as wait, (300 + n * 104729 % 900) * interval '1 second' as service"
                            + " from generate_series(?::date, ?::date, '1 day') day, generate_series(1, ?) n) v"
                            + " join bench_practitioner b on b.p = v.n % 50",
                    perDay,
                    first,
                    today,
                    perDay);
        }
        jdbc.update(
                "insert into report_diagnosis (diagnosis_id, patient_id, day, department_id, practitioner_id,"
                        + " system, code, chapter, age_group, sex) select md5('diagnosis' || day || n)::uuid,"
                        + " md5('patient' || n)::uuid, day, b.department_id, b.practitioner_id, 'ICD11_MMS',"
                        + " (array"
                        + Arrays.toString(
                                Arrays.stream(CODES).map(c -> "'" + c + "'").toArray())
                        + ")[1 + n % " + CODES.length + "], null, (array['<1','1-4','5-14','15-24','25-44','45-64',"
                        + "'65+'])[1 + n % 7], case when n % 2 = 0 then 'FEMALE' else 'MALE' end"
                        + " from generate_series(?::date, ?::date, '1 day') day, generate_series(1, ?) n"
                        + " join bench_practitioner b on b.p = n % 50",
                first,
                today,
                perDay);
        jdbc.update("update report_diagnosis d set chapter = c.chapter from classification_code c"
                + " where c.system = d.system and c.code = d.code");
        jdbc.execute("analyze");
    }

    /** GraphQL over HTTP as the administrator, timed. */
    private static final class Http {
        private final HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final ObjectMapper json = new ObjectMapper();
        private final String bearer;

        Http(String base) throws Exception {
            this.base = base;
            String basic = Base64.getEncoder()
                    .encodeToString(("admin:" + InProcessBenchmarks.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                            .header("Authorization", "Basic " + basic)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            this.bearer =
                    "Bearer " + json.readTree(token.body()).path("access_token").asText();
        }

        void time(String name, String query, int times) throws Exception {
            String body = json.writeValueAsString(Map.of("query", query));
            int bytes = 0;
            for (int i = 0; i < 20; i++) {
                bytes = post(body);
            }
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                post(body);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "%-55s %,7d bytes  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d queries)%n",
                    name,
                    bytes,
                    nanos[times / 2] / 1e6,
                    nanos[(int) Math.ceil(times * 0.99) - 1] / 1e6,
                    nanos[times - 1] / 1e6,
                    times);
        }

        private int post(String body) throws Exception {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/graphql"))
                            .header("Authorization", bearer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200 || answer.has("errors")) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body().length();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
