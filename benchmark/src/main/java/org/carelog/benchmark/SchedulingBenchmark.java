package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scheduling benchmark (not a test; nothing asserts a time): bookSlot over GraphQL spread across many
 * practitioners, then all clients on one practitioner's day, with conflicts and the retries after
 * concurrent appends; then the time from an acknowledged booking until its slot is gone from
 * availableSlots. Run: {@code java -jar benchmark/target/benchmark.jar scheduling}. Options (system
 * properties): {@code clients} (16), {@code practitioners} (20), {@code warmup} / {@code duration}
 * (5 / 15 s), {@code lagSamples} (200), {@code quick}, {@code childJvmArgs}, {@code childArgs},
 * {@code carelog.jar}, {@code output} (benchmark/target/scheduling-results.md).
 */
final class SchedulingBenchmark {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    static final String BOOK = "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }";
    static final List<String> DAYS =
            List.of("SATURDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    /** Slots of 5 minutes from 08:00 to 20:00: 144 a day. */
    static final int SLOTS_PER_DAY = 144;

    private SchedulingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int clients = Integer.getInteger("clients", 16);
        int practitioners = Integer.getInteger("practitioners", 20);
        int lagSamples = Integer.getInteger("lagSamples", settings.quick() ? 30 : 200);
        Path output = Path.of(System.getProperty("output", "benchmark/target/scheduling-results.md"));
        Path work = output.toAbsolutePath().getParent();
        Files.createDirectories(work);
        StringBuilder report = new StringBuilder("## Scheduling benchmark\n\n");
        report.append("Run at ")
                .append(ZonedDateTime.now())
                .append(", load before: ")
                .append(Proc.loadAverage())
                .append("\n\n");
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        try {
            log("Ready after "
                    + carelog.awaitReady(settings.startTimeoutSeconds()).toMillis() + " ms");
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            Facility facility = Facility.build(admin, practitioners, clients * 8);
            log("Facility: " + practitioners + " practitioners, " + facility.patients.size() + " patients");

            // Spread: each booking goes to the next practitioner in turn.
            AtomicLong spreadNext = new AtomicLong();
            double retriesBefore = retries(carelog, admin);
            Recorder.Summary spread = ClosedLoop.run(
                    clients,
                    settings.warmupSeconds(),
                    settings.durationSeconds(),
                    () -> booker(carelog, facility, spreadNext, practitioners, 4, 7),
                    new CpuWindow(carelog));
            double spreadRetries = retries(carelog, admin) - retriesBefore;
            log("spread: " + spread);

            // Contention: every client books the same practitioner's day (capacity 50 a slot).
            AtomicLong contendedNext = new AtomicLong();
            retriesBefore = retries(carelog, admin);
            Recorder.Summary contended = ClosedLoop.run(
                    clients,
                    settings.warmupSeconds(),
                    settings.durationSeconds(),
                    () -> booker(carelog, facility.onlyContended(), contendedNext, 1, 50, 21),
                    new CpuWindow(carelog));
            double contendedRetries = retries(carelog, admin) - retriesBefore;
            log("contended: " + contended);

            Lag lag = Lag.measure(admin, facility, lagSamples);
            log("lag: " + lag);

            report.append("| scenario | clients | bookings/s | p50 ms | p99 ms | conflicts and errors | retries |\n");
            report.append("|---|---|---|---|---|---|---|\n");
            row(report, "spread over " + practitioners + " practitioners", clients, spread, spreadRetries);
            row(report, "one practitioner's day", clients, contended, contendedRetries);
            report.append("\nTime from an acknowledged bookSlot until its slot is gone from availableSlots (")
                    .append(lag.samples)
                    .append(" bookings, polled every 2 ms): p50 ")
                    .append(fmt(lag.p50))
                    .append(" ms, p99 ")
                    .append(fmt(lag.p99))
                    .append(" ms, max ")
                    .append(fmt(lag.max))
                    .append(" ms.\n");
            report.append("\nError kinds: spread ")
                    .append(spread.errorKinds())
                    .append(", one day ")
                    .append(contended.errorKinds())
                    .append("\n");
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(output, report);
        log("Written to " + output.toAbsolutePath());
    }

    private static void row(StringBuilder report, String name, int clients, Recorder.Summary s, double retries) {
        report.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %.1f | %.1f | %d | %.0f |%n",
                name,
                clients,
                s.perSecond(),
                s.p50Millis(),
                s.p99Millis(),
                s.errors(),
                retries));
    }

    /**
     * A client booking place after place: booking n goes to practitioner n mod P, the (n / P)-th place
     * of that practitioner's days from {@code firstDay} days ahead. Patients rotate so that no patient
     * gets two bookings at one time (a slot's bookings across practitioners take consecutive numbers).
     */
    private static ClosedLoop.Client booker(
            CarelogProcess carelog, Facility facility, AtomicLong next, int practitioners, int capacity, int firstDay) {
        GraphQlClient client;
        try {
            client = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return () -> {
            long n = next.getAndIncrement();
            int practitioner = (int) (n % practitioners);
            long place = n / practitioners;
            long slot = place / capacity;
            LocalDate day = facility.day(firstDay + (int) (slot / SLOTS_PER_DAY));
            LocalTime time = LocalTime.of(8, 0).plusMinutes(5 * (slot % SLOTS_PER_DAY));
            Map<String, Object> input = Map.of(
                    "patientId", facility.patients.get((int) (n % facility.patients.size())),
                    "practitionerId", facility.practitioners.get(practitioner),
                    "start", DATE_TIME.format(day.atTime(time).atZone(DHAKA)));
            return GraphQlClient.errorOf(client.post(BOOK, Map.of("input", input)));
        };
    }

    private static double retries(CarelogProcess carelog, GraphQlClient admin) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        carelog.baseUrl() + "/actuator/metrics/carelog.scheduling.retries"))
                                .header("Authorization", admin.authorization())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        return body.at("/measurements/0/value").asDouble(Double.NaN);
    }

    /** The facility built once through the API: a department, chambers, doctors with sessions, patients. */
    record Facility(List<String> practitioners, List<String> patients, String contended) {

        static Facility build(GraphQlClient admin, int practitioners, int patients) throws Exception {
            String department = data(
                            admin,
                            "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                            Map.of("input", Map.of("code", "BENCH", "nameEn", "Bench", "nameBn", "বেঞ্চ")))
                    .at("/createDepartment/departmentId")
                    .asText();
            List<String> doctors = new ArrayList<>();
            for (int i = 0; i <= practitioners; i++) {
                String chamber = data(
                                admin,
                                "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "departmentId", department,
                                                "code", "B" + i,
                                                "nameEn", "Bench chamber",
                                                "nameBn", "চেম্বার",
                                                "kind", "CHAMBER")))
                        .at("/addServicePoint/servicePointId")
                        .asText();
                String doctor = data(
                                admin,
                                "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) {"
                                        + " practitionerId } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "nameEn",
                                                "Dr. Bench " + letters(i),
                                                "role",
                                                "DOCTOR",
                                                "bmdc",
                                                Map.of(
                                                        "number",
                                                        "A-" + (70_000 + i),
                                                        "expiresOn",
                                                        LocalDate.now()
                                                                .plusYears(1)
                                                                .toString()),
                                                "departmentId",
                                                department,
                                                "languages",
                                                List.of("BN"),
                                                "fees",
                                                Map.of("newVisit", "800", "followUp", "500"))))
                        .at("/registerPractitioner/practitionerId")
                        .asText();
                // The last doctor is the contended one: 50 places a slot.
                int capacity = i == practitioners ? 50 : 4;
                data(
                        admin,
                        "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) {"
                                + " practitionerId } }",
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
                                                DAYS,
                                                "start",
                                                "08:00",
                                                "end",
                                                "20:00",
                                                "slotMinutes",
                                                5,
                                                "capacity",
                                                capacity)))));
                doctors.add(doctor);
            }
            Patients people = new Patients();
            List<String> patientIds = new ArrayList<>();
            for (int i = 0; i < Math.max(patients, 120); i++) {
                patientIds.add(data(
                                admin,
                                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                                Map.of("input", people.next()))
                        .at("/registerPatient/patientId")
                        .asText());
            }
            return new Facility(List.copyOf(doctors.subList(0, practitioners)), patientIds, doctors.get(practitioners));
        }

        Facility onlyContended() {
            return new Facility(List.of(contended), patients, contended);
        }

        /** The working day {@code ahead} working days from today (Fridays, the day off, skipped). */
        LocalDate day(int ahead) {
            LocalDate day = LocalDate.now(DHAKA);
            for (int i = 0; i < ahead; ) {
                day = day.plusDays(1);
                if (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
                    i++;
                }
            }
            return day;
        }
    }

    /** Books one place at a time on a capacity-one practitioner and polls availableSlots until it is gone. */
    record Lag(int samples, double p50, double p99, double max) {

        static Lag measure(GraphQlClient admin, Facility facility, int samples) throws Exception {
            String practitioner = facility.practitioners().get(0);
            long[] nanos = new long[samples];
            LocalDate day = facility.day(60);
            for (int i = 0; i < samples; i++) {
                LocalTime time = LocalTime.of(8, 0).plusMinutes(5L * (i % SLOTS_PER_DAY));
                LocalDate date = day.plusDays(i / SLOTS_PER_DAY);
                String start = DATE_TIME.format(date.atTime(time).atZone(DHAKA));
                // Four places per slot: book them all, time the last one's disappearance.
                for (int place = 0; place < 4; place++) {
                    Map<String, Object> input = Map.of(
                            "patientId", facility.patients().get(place),
                            "practitionerId", practitioner,
                            "start", start);
                    JsonNode booked = admin.post(BOOK, Map.of("input", input));
                    String error = GraphQlClient.errorOf(booked);
                    if (error != null) {
                        throw new IllegalStateException("lag booking failed: " + error);
                    }
                }
                long acknowledged = System.nanoTime();
                while (true) {
                    JsonNode slots = admin.post(
                            "query($p: ID, $d: Date!) { availableSlots(practitionerId: $p, from: $d, to: $d) { start } }",
                            Map.of("p", practitioner, "d", date.toString()));
                    if (!slots.at("/data/availableSlots")
                            .findValuesAsText("start")
                            .contains(start)) {
                        break;
                    }
                    Thread.sleep(2);
                }
                nanos[i] = System.nanoTime() - acknowledged;
            }
            Arrays.sort(nanos);
            return new Lag(
                    samples,
                    nanos[(int) Math.ceil(0.5 * samples) - 1] / 1e6,
                    nanos[(int) Math.ceil(0.99 * samples) - 1] / 1e6,
                    nanos[samples - 1] / 1e6);
        }
    }

    private static JsonNode data(GraphQlClient admin, String document, Map<String, Object> variables) throws Exception {
        JsonNode body = admin.post(document, variables);
        String error = GraphQlClient.errorOf(body);
        if (error != null) {
            throw new IllegalStateException(error + " for " + document);
        }
        return body.get("data");
    }

    private static String letters(int n) {
        StringBuilder word = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            word.append((char) ('a' + (digit - '0')));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String fmt(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static void log(String message) {
        System.out.println("[scheduling-benchmark] " + message);
    }
}
