package org.carelog.infra.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.carelog.infra.CarelogApplication;
import org.carelog.infra.TestSmsGateway;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reminder is a row in PostgreSQL, not a timer in memory: Carelog (a separate process, real clock) books an
 * appointment whose reminder is due in about two minutes and is killed with SIGKILL; a new process on the same data
 * sends the reminder, once.
 */
class ReminderRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final String RECEPTIONIST =
            "Basic " + Base64.getEncoder().encodeToString("receptionist:receptionist-demo".getBytes());

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aReminderBookedBeforeACrashIsSentOnceByTheNextProcess() throws Exception {
        TestSmsGateway gateway = TestSmsGateway.get();
        LocalDate day = LocalDate.now(DHAKA).plusDays(1);
        if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
            day = day.plusDays(1);
        }
        // doctor-1's last evening slot (demo availability); the reminder is due a little after the first start
        Instant start = day.atTime(20, 45).atZone(DHAKA).toInstant();
        Instant due = Instant.now().plus(Duration.ofSeconds(150));
        Duration offset = Duration.between(due, start).withNanos(0);
        Path data = work.resolve("data");

        Carelog first = start(data, offset, work.resolve("first.log"));
        first.awaitReady();
        JsonNode practitioners = first.graphql(RECEPTIONIST, "{ practitioners { id nameEn } }", Map.of());
        String doctor = null;
        for (JsonNode p : practitioners.at("/data/practitioners")) {
            if (p.get("nameEn").asText().equals("Dr. Mahmuda Khatun")) {
                doctor = p.get("id").asText();
            }
        }
        Map<String, Object> registration = PatientFixtures.registration(880_000_000L + System.nanoTime() % 1_000_000);
        String patient = first.graphql(
                        RECEPTIONIST,
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", registration))
                .at("/data/registerPatient/patientId")
                .asText();
        @SuppressWarnings("unchecked")
        String phone = "+88" + ((Map<String, Object>) registration.get("contact")).get("phone");
        JsonNode booked = first.graphql(
                RECEPTIONIST,
                "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                Map.of(
                        "input",
                        Map.of(
                                "patientId",
                                patient,
                                "practitionerId",
                                doctor,
                                "start",
                                start.atZone(DHAKA).toOffsetDateTime().toString())));
        assertThat(booked.at("/data/bookSlot/appointmentId").isTextual())
                .as(booked.toString())
                .isTrue();
        // Whether the reminder saga handled the booking before the kill or handles it after the restart (its
        // tracking token did not move), the deadline ends up in the scheduler's table either way.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.graphql(
                                        RECEPTIONIST,
                                        "query($p: ID!) { patientAppointments(patientId: $p) { edges { node { id } } } }",
                                        Map.of("p", patient))
                                .at("/data/patientAppointments/edges")
                                .size()
                        == 1);
        assertThat(Instant.now()).as("booked before the reminder is due").isBefore(due);

        first.process.destroyForcibly(); // SIGKILL: nothing in memory survives
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.sentTo(phone)).isEmpty();

        Carelog second = start(data, offset, work.resolve("second.log"));
        second.awaitReady();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !gateway.sentTo(phone).isEmpty());
        assertThat(Instant.now()).isAfter(due);
        assertThat(gateway.sentTo(phone)).as("sent once").hasSize(1);
        assertThat(gateway.sentTo(phone).get(0)).contains("৮:৪৫").contains("ডা. মাহমুদা খাতুন");
    }

    @AfterEach
    void stopEverything() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(work.toString()))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private Carelog start(Path data, Duration offset, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CarelogApplication.class.getName(),
                        "--server.port=" + port,
                        "--carelog.database.embedded.port=" + freePort(),
                        "--carelog.database.embedded.data-directory=" + data,
                        "--carelog.privacy.master-key-file="
                                + data.resolveSibling("keys").resolve("master.key"),
                        "--carelog.audit.signing-key-file="
                                + data.resolveSibling("keys").resolve("audit-signing.key"),
                        "--carelog.demo.enabled=true",
                        "--carelog.security.mfa.required-roles=",
                        "--carelog.communication.reminders.appointment-offsets=" + offset,
                        "--carelog.communication.quiet-hours.start=00:00",
                        "--carelog.communication.quiet-hours.end=00:00",
                        "--carelog.communication.scheduler.polling-interval=PT1S",
                        "--carelog.communication.sms.url="
                                + TestSmsGateway.get().url("/sms/send"),
                        "--carelog.communication.sms.status-url="
                                + TestSmsGateway.get().url("/sms/status"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("CARELOG_ADMIN_PASSWORD");
        Process process = builder.start();
        started.add(process);
        return new Carelog(process, port, log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Carelog(Process process, int port, Path log) {

        void awaitReady() {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("Carelog is running; log: %s", log)
                                .isTrue();
                        return HTTP.send(
                                                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                                + "/actuator/health/readiness"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                == 200;
                    });
        }

        JsonNode graphql(String authorization, String query, Map<String, Object> variables) throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
