package org.carelog.infra;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Carelog as an operator runs it: a separate process on a data directory. Killed with SIGKILL after
 * acknowledging registrations, it comes back with every one of them; SIGTERM shuts it down cleanly,
 * PostgreSQL included. The first start prints a generated administrator password once; demo mode seeds
 * once.
 */
class RestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PASSWORD = Pattern.compile("user: admin\\s+password: (\\S+)");

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @Test
    void acknowledgedRegistrationsSurviveKillAndShutdownIsClean() throws Exception {
        Path data = work.resolve("data");
        Carelog first = start(data, work.resolve("first.log"));
        String password = first.awaitOutput(PASSWORD).group(1);
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes());

        List<String> mrns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode response = first.graphql(
                    admin,
                    "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { mrn } }",
                    Map.of("input", PatientFixtures.registration(900_000 + i)));
            mrns.add(response.at("/data/registerPatient/mrn").asText());
        }
        assertThat(mrns).allSatisfy(mrn -> assertThat(mrn).startsWith("CLG-"));

        first.process.destroyForcibly(); // SIGKILL: no shutdown hook, PostgreSQL left running
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Carelog second = start(data, work.resolve("second.log"));
        second.awaitReady();
        assertThat(Files.readString(second.log)).doesNotContain("administrator created");
        for (String mrn : mrns) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(second.graphql(
                                    admin,
                                    "query($s: String) { patients(search: $s) { edges { node { mrn } } } }",
                                    Map.of("s", mrn))
                            .at("/data/patients/edges/0/node/mrn")
                            .asText())
                    .isEqualTo(mrn));
        }
        String receptionist =
                "Basic " + Base64.getEncoder().encodeToString("receptionist:receptionist-demo".getBytes());
        JsonNode staff = second.graphql(admin, "{ staffUsers { username practitionerId } }", Map.of());
        for (JsonNode user : staff.at("/data/staffUsers")) {
            if (List.of("doctor", "nurse").contains(user.get("username").asText())) {
                assertThat(user.get("practitionerId").isNull())
                        .as(
                                "the demo %s acts as a demo practitioner",
                                user.get("username").asText())
                        .isFalse();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode demo = second.graphql(
                    receptionist,
                    "{ patients(first: 100) { edges { cursor } } departments { code servicePoints { code } } practitioners { id role } }",
                    Map.of());
            assertThat(demo.at("/data/patients/edges").size())
                    .as("demo patients seeded once")
                    .isEqualTo(55);
            assertThat(demo.at("/data/departments").size()).isEqualTo(4);
            assertThat(demo.at("/data/departments").findValuesAsText("code"))
                    .contains("MED1", "MED2", "SC", "BILL", "PHAR");
            assertThat(demo.at("/data/practitioners").findValuesAsText("role"))
                    .containsExactlyInAnyOrder("DOCTOR", "DOCTOR", "DOCTOR", "DOCTOR", "NURSE", "TECHNICIAN");
            // The demo doctors have weekly availability: a newcomer sees free slots of the coming week.
            JsonNode slots = second.graphql(
                    receptionist,
                    "query($from: Date!, $to: Date!) { availableSlots(specialty: \"Internal Medicine\","
                            + " from: $from, to: $to) { start freePlaces } }",
                    Map.of(
                            "from",
                            java.time.LocalDate.now().plusDays(1).toString(),
                            "to",
                            java.time.LocalDate.now().plusDays(7).toString()));
            assertThat(slots.at("/data/availableSlots").size())
                    .as("six evenings of sixteen slots, two virtual mornings of six")
                    .isEqualTo(6 * 16 + 2 * 6);
        });

        long beforeShutdown = Files.size(second.log);
        second.process.destroy(); // SIGTERM
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(data.resolve("postmaster.pid")))
                .as("PostgreSQL stopped with Carelog")
                .isFalse();
        String shutdownLog = Files.readString(second.log).substring((int) beforeShutdown);
        assertThat(shutdownLog)
                .as("nothing complains while shutting down: PostgreSQL stops last")
                .doesNotContain(" WARN ", " ERROR ", "Exception");
    }

    @AfterEach
    void stopEverything() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        // A PostgreSQL orphaned by the kill above and not reaped by the second start.
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(work.toString()))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private Carelog start(Path data, Path log) throws IOException {
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
                        // Generated by the first start, read again by every restart (kept apart from the data).
                        "--carelog.privacy.master-key-file="
                                + data.resolveSibling("keys").resolve("master.key"),
                        "--carelog.audit.signing-key-file="
                                + data.resolveSibling("keys").resolve("audit-signing.key"),
                        "--carelog.demo.enabled=true",
                        // This test is about durability: admin signs in with Basic, which MFA would
                        // restrict to enrolment (MfaTest covers that default).
                        "--carelog.security.mfa.required-roles=")
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

        Matcher awaitOutput(Pattern pattern) {
            Matcher[] found = new Matcher[1];
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("Carelog is running; log: %s", log)
                                .isTrue();
                        Matcher m = pattern.matcher(Files.readString(log));
                        found[0] = m;
                        return m.find();
                    });
            awaitReady();
            return found[0];
        }

        void awaitReady() {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive()).isTrue();
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
