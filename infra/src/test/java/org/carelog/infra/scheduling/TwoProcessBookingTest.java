package org.carelog.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelog.infra.CarelogApplication;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Two Carelog processes on one PostgreSQL booking the same slots at the same moment: their in-process
 * locks cannot see each other, so only the event store's (aggregate, sequence) key and the re-decision
 * after it stand between them and a double booking. Still never one; and a dashboard subscribed on one
 * process sees the bookings made through the other.
 */
class TwoProcessBookingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes());

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();
    private EmbeddedPostgres database;

    @Test
    void twoProcessesBookingTheSameSlotsNeverDoubleBook() throws Exception {
        database = EmbeddedPostgres.builder().setPort(0).start();
        Node a = start("a");
        a.awaitReady();
        Node b = start("b");
        b.awaitReady();

        String department = a.data(
                        "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                        Map.of("input", Map.of("code", "TWO", "nameEn", "Two Nodes", "nameBn", "দুই নোড")))
                .at("/createDepartment/departmentId")
                .asText();
        String chamber = a.data(
                        "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "departmentId", department,
                                        "code", "TWO1",
                                        "nameEn", "Chamber",
                                        "nameBn", "চেম্বার",
                                        "kind", "CHAMBER")))
                .at("/addServicePoint/servicePointId")
                .asText();
        String doctor = a.data(
                        "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { practitionerId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "nameEn",
                                        "Dr. Two Nodes",
                                        "role",
                                        "DOCTOR",
                                        "bmdc",
                                        Map.of(
                                                "number",
                                                "A-55501",
                                                "expiresOn",
                                                LocalDate.now().plusYears(1).toString()),
                                        "departmentId",
                                        department,
                                        "languages",
                                        List.of("BN"),
                                        "fees",
                                        Map.of("newVisit", "800", "followUp", "500"))))
                .at("/registerPractitioner/practitionerId")
                .asText();
        a.data(
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
                                        SchedulingApi.EVERY_DAY,
                                        "start",
                                        "10:00",
                                        "end",
                                        "10:30",
                                        "slotMinutes",
                                        10,
                                        "capacity",
                                        10)))));
        LocalDate week = LocalDate.now(DHAKA).plusDays(7);
        LocalDate day = week.getDayOfWeek() == DayOfWeek.FRIDAY ? week.plusDays(1) : week;
        List<String> slots = List.of("10:00", "10:10", "10:20").stream()
                .map(t -> DATE_TIME.format(day.atTime(LocalTime.parse(t)).atZone(DHAKA)))
                .toList();
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            patients.add(a.data(
                            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                            Map.of("input", PatientFixtures.registration(880_000 + i)))
                    .at("/registerPatient/patientId")
                    .asText());
        }

        // A dashboard on node b watches the day; most bookings it must show are made through node a.
        List<JsonNode> dashboard = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient subscriptions = WebSocketGraphQlClient.builder(
                        "ws://localhost:" + b.port() + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", ADMIN));
                    }
                })
                .build();
        Disposable watching = subscriptions
                .document("subscription($p: ID!, $d: Date!) { appointmentsChanged(practitionerId: $p, date: $d) {"
                        + " appointments { id status } } }")
                .variable("p", doctor)
                .variable("d", day.toString())
                .executeSubscription()
                .subscribe(r -> dashboard.add(
                        JSON.valueToTree(r.field("appointmentsChanged").getValue())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !dashboard.isEmpty());

        ExecutorService clients = Executors.newFixedThreadPool(60);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            Node node = i % 2 == 0 ? a : b;
            Map<String, Object> input = Map.of(
                    "patientId", patients.get(i), "practitionerId", doctor, "start", slots.get(i % slots.size()));
            futures.add(clients.submit(() -> {
                go.await();
                return node.graphql(
                        "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId start } }",
                        Map.of("input", input));
            }));
        }
        go.countDown();
        List<JsonNode> responses = new ArrayList<>();
        for (Future<JsonNode> f : futures) {
            responses.add(f.get());
        }
        clients.shutdown();

        List<JsonNode> booked =
                responses.stream().filter(r -> r.path("errors").isMissingNode()).toList();
        assertThat(responses)
                .as("every refusal is a CONFLICT with its reason, never an internal error")
                .filteredOn(r -> !r.path("errors").isMissingNode())
                .allSatisfy(r ->
                        assertThat(r.at("/errors/0/extensions/reason").asText()).isEqualTo("SLOT_FULL"));
        assertThat(booked)
                .as("three slots of ten places, each place taken once")
                .hasSize(30);
        assertThat(booked.stream()
                        .map(r -> r.at("/data/bookSlot/start").asText())
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(slots);

        JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where payloadtype = 'org.carelog.api.scheduling.SlotBooked'"
                                + " and aggregateidentifier = ?",
                        Integer.class,
                        doctor + "_" + day))
                .isEqualTo(30);
        assertThat(jdbc.queryForObject(
                        "select max(n) from (select count(*) n from appointment_booking where status = 'BOOKED'"
                                + " group by start_at) per_slot",
                        Integer.class))
                .isEqualTo(10);
        List<String> bookedIds = booked.stream()
                .map(r -> r.at("/data/bookSlot/appointmentId").asText())
                .toList();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard
                            .get(dashboard.size() - 1)
                            .get("appointments")
                            .findValuesAsText("id"))
                    .as("the dashboard on node b shows every booking, from either node")
                    .containsExactlyInAnyOrderElementsOf(bookedIds));
        } finally {
            watching.dispose();
            subscriptions.stop().block(Duration.ofSeconds(10));
        }
        System.out.printf(
                "two processes: %d booked, %d refused; retries after concurrent appends: a=%s b=%s%n",
                booked.size(), responses.size() - booked.size(), a.retries(), b.retries());
    }

    @AfterEach
    void stop() throws Exception {
        // Unexpected errors of either node, for the test report.
        for (String name : List.of("a", "b")) {
            Path log = work.resolve(name + ".log");
            if (Files.exists(log)) {
                Files.readAllLines(log).stream()
                        .filter(line -> line.contains(" ERROR ") || line.startsWith("Caused by"))
                        .limit(20)
                        .forEach(line -> System.out.println(name + ": " + line));
            }
        }
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        if (database != null) {
            database.close();
        }
    }

    private Node start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CarelogApplication.class.getName(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--carelog.database.embedded.data-directory=" + work.resolve("unused-" + name),
                        // Both nodes wrap and unwrap patients' keys with one master key.
                        "--carelog.privacy.master-key-file="
                                + work.resolve("keys").resolve("master.key"),
                        "--carelog.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
                        "--carelog.security.mfa.required-roles=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return new Node(process, port, log);
    }

    record Node(Process process, int port, Path log) {

        void awaitReady() {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("running; log %s", Files.readString(log))
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

        JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", ADMIN)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }

        JsonNode data(String query, Map<String, Object> variables) throws Exception {
            JsonNode body = graphql(query, variables);
            assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
            return body.get("data");
        }

        String retries() throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/actuator/metrics/carelog.scheduling.retries"))
                            .header("Authorization", ADMIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).at("/measurements/0/value").asText();
        }
    }
}
