package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Telemedicine benchmark (not a test): how long it takes to issue a join credential. Virtual appointments are booked
 * in the next slot (so their join window is open), each consultation gets consent by phone, then two closed loops
 * measure (1) a patient's join link, {@code POST /telemedicine/join/<token>} (the page's button): the link's HMAC
 * checked, the join decided and recorded, the JWT signed, a 303 to the room; (2) the clinician's {@code joinConsultation} mutation:
 * the join decided and recorded, the appointment's check-in and encounter (both already done: found and left), the
 * JWT signed. Every call records a join event. Run with {@code java -Dscenario=telemedicine -jar
 * benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md.
 */
final class TelemedicineBenchmark {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final String JOIN =
            "mutation($input: ConsultationActionInput!) { joinConsultation(input: $input) {" + " url } }";

    private TelemedicineBenchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int consultations = Integer.getInteger("consultations", 40);
        byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        String linkSecret = HexFormat.of().formatHex(secretBytes);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog =
                CarelogProcess.start(settings, work, Map.of("CARELOG_TELEMEDICINE_LINK_SECRET", linkSecret));
        StringBuilder report = new StringBuilder("# Telemedicine benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            String practitioner = doctorWithVirtualSessionToday(admin);
            GraphQlClient doctor = staff(carelog, admin, "DOCTOR", "bench-doctor", practitioner);
            GraphQlClient desk = staff(carelog, admin, "RECEPTIONIST", "bench-desk", null);
            List<UUID> ids = book(desk, doctor, practitioner, consultations);
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n")
                    .append(consultations)
                    .append(" virtual consultations in their join window, consent recorded; each call below records a"
                            + " join (one event) and signs one JWT.\n\n");
            report.append("## Join credential latency (closed loop, ")
                    .append(settings.durationSeconds())
                    .append(" s after ")
                    .append(settings.warmupSeconds())
                    .append(" s warm-up)\n\n")
                    .append("| path | clients | joins/s | p50 ms | p99 ms | max ms | errors |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            for (int clients : settings.concurrencies()) {
                row(
                        report,
                        "patient link (POST, 303)",
                        clients,
                        ClosedLoop.run(
                                clients,
                                settings.warmupSeconds(),
                                settings.durationSeconds(),
                                () -> () -> {
                                    UUID id =
                                            ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                                    HttpResponse<Void> r = http.send(
                                            HttpRequest.newBuilder(URI.create(carelog.baseUrl() + "/telemedicine/join/"
                                                            + token(linkSecret, id)))
                                                    .POST(HttpRequest.BodyPublishers.noBody())
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding());
                                    return r.statusCode() == 303
                                            ? null
                                            : "HTTP " + r.statusCode() + " "
                                                    + r.headers()
                                                            .firstValue("Carelog-Error")
                                                            .orElse("");
                                },
                                null));
            }
            for (int clients : settings.concurrencies()) {
                row(
                        report,
                        "clinician joinConsultation",
                        clients,
                        ClosedLoop.run(
                                clients,
                                settings.warmupSeconds(),
                                settings.durationSeconds(),
                                () -> () -> {
                                    UUID id =
                                            ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                                    JsonNode body =
                                            doctor.post(JOIN, Map.of("input", Map.of("consultationId", id.toString())));
                                    return body.has("httpError")
                                            ? body.get("httpError").asText()
                                            : GraphQlClient.graphQlError(body);
                                },
                                null));
            }
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(work.resolve("telemedicine-benchmark-results.md"), report);
    }

    private static void row(StringBuilder report, String path, int clients, Recorder.Summary s) {
        report.append(String.format(
                "| %s | %d | %.0f | %.1f | %.1f | %.1f | %s |%n",
                path,
                clients,
                s.perSecond(),
                s.p50Millis(),
                s.p99Millis(),
                s.maxMillis(),
                s.errors() == 0 ? "0" : s.errorKinds()));
    }

    /** The patient's link token, made as Carelog's {@code JoinLinks} makes it (the benchmark shares the secret). */
    static String token(String secret, UUID consultation) throws Exception {
        ByteBuffer body = ByteBuffer.allocate(21 + 16);
        body.putLong(consultation.getMostSignificantBits());
        body.putLong(consultation.getLeastSignificantBits());
        body.put((byte) 0); // PATIENT
        body.putInt(1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(("carelog-join-link:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        body.put(Arrays.copyOf(mac.doFinal(Arrays.copyOf(body.array(), 21)), 16));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    private static String doctorWithVirtualSessionToday(GraphQlClient admin) throws Exception {
        String department = check(admin.post(
                        "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                        Map.of("input", Map.of("code", "TELE", "nameEn", "Telemedicine", "nameBn", "টেলিমেডিসিন"))))
                .at("/data/createDepartment/departmentId")
                .asText();
        String chamber = check(admin.post(
                        "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "departmentId", department,
                                        "code", "TELE1",
                                        "nameEn", "Video room",
                                        "nameBn", "ভিডিও কক্ষ",
                                        "kind", "CHAMBER"))))
                .at("/data/addServicePoint/servicePointId")
                .asText();
        String practitioner = check(admin.post(
                        "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) {"
                                + " practitionerId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "nameEn",
                                        "Dr. Bench Tele",
                                        "nameBn",
                                        "ডা. বেঞ্চ",
                                        "role",
                                        "DOCTOR",
                                        "bmdc",
                                        Map.of("number", "A-123456", "expiresOn", "2035-01-01"),
                                        "specialty",
                                        "Medicine",
                                        "departmentId",
                                        department,
                                        "languages",
                                        List.of("BN", "EN"),
                                        "qualifications",
                                        List.of("MBBS"),
                                        "fees",
                                        Map.of("newVisit", "800", "followUp", "500")))))
                .at("/data/registerPractitioner/practitionerId")
                .asText();
        check(admin.post(
                "mutation($input: ChangeDayAvailabilityInput!) { changeDayAvailability(input: $input) {"
                        + " practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId", practitioner,
                                "date", LocalDate.now(DHAKA).toString(),
                                "sessions",
                                        List.of(Map.of(
                                                "servicePointId",
                                                chamber,
                                                "start",
                                                "00:00",
                                                "end",
                                                "23:55",
                                                "slotMinutes",
                                                5,
                                                "capacity",
                                                50,
                                                "types",
                                                List.of("VIRTUAL")))))));
        return practitioner;
    }

    private static GraphQlClient staff(
            CarelogProcess carelog, GraphQlClient admin, String role, String username, String practitioner)
            throws Exception {
        String password = "Tele-bench-" + Long.toHexString(System.nanoTime()) + "-x";
        check(admin.post(
                "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                Map.of(
                        "input",
                        Map.of(
                                "username", username,
                                "displayName", "Bench " + role,
                                "role", role,
                                "password", password))));
        if (practitioner != null) {
            check(admin.post(
                    "mutation($input: LinkStaffToPractitionerInput!) { linkStaffToPractitioner(input: $input) {"
                            + " user { practitionerId } } }",
                    Map.of("input", Map.of("username", username, "practitionerId", practitioner))));
        }
        return GraphQlClient.signIn(carelog.baseUrl(), username, password);
    }

    /** Books {@code count} VIRTUAL appointments in the next slots; waits for their consultations; records consent. */
    private static List<UUID> book(GraphQlClient desk, GraphQlClient doctor, String practitioner, int count)
            throws Exception {
        Patients registrations = new Patients();
        ZonedDateTime now = ZonedDateTime.now(DHAKA).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime slot = now.plusMinutes(5 - now.getMinute() % 5);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String patient = check(desk.post(
                            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                            Map.of("input", registrations.next())))
                    .at("/data/registerPatient/patientId")
                    .asText();
            String appointment = check(desk.post(
                            "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                            Map.of(
                                    "input",
                                    Map.of(
                                            "patientId",
                                            patient,
                                            "practitionerId",
                                            practitioner,
                                            "start",
                                            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                                                    .format(slot),
                                            "type",
                                            "VIRTUAL"))))
                    .at("/data/bookSlot/appointmentId")
                    .asText();
            ids.add(UUID.nameUUIDFromBytes(("consultation:" + appointment).getBytes(StandardCharsets.UTF_8)));
        }
        for (UUID id : ids) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (check(doctor.post(
                                    "query($id: ID!) { virtualConsultation(id: $id) { id } }",
                                    Map.of("id", id.toString())))
                            .at("/data/virtualConsultation")
                            .isNull()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            check(desk.post(
                    "mutation($input: RecordTelemedicineConsentInput!) { recordTelemedicineConsent(input: $input) {"
                            + " consultationId } }",
                    Map.of("input", Map.of("consultationId", id.toString(), "givenBy", "PATIENT"))));
        }
        return ids;
    }

    private static JsonNode check(JsonNode body) {
        String error = body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
        if (error != null) {
            throw new IllegalStateException(error + ": " + body);
        }
        return body;
    }
}
