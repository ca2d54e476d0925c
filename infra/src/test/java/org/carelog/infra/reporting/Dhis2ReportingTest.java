package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Role;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.lab.LabOrdersTest;
import org.carelog.infra.patient.PatientFixtures;
import org.carelog.infra.reporting.Dhis2DataValueSets.DataValue;
import org.carelog.infra.reporting.Dhis2DataValueSets.DataValueSet;
import org.carelog.infra.reporting.Dhis2Properties.Mapping;
import org.carelog.infra.reporting.Dhis2Submissions.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The DHIS2 export. A month of one department (40 patients of both sexes and all ages: walk-in tokens,
 * encounters with coded, uncoded and retracted diagnoses, lab orders resulted normal or low, one cancelled) gives
 * a data value set whose every value equals a count computed here from the stored events, and which the JSON
 * Schema of DHIS2's format accepts. Sending goes to a local HTTP server playing DHIS2: success, a 409 with
 * conflicts, a 500, no answer in time, a refused connection. The application under test has no DHIS2 configured
 * (the default), so its GraphQL operations say so; the configured export is built here with the application's
 * database, as the application builds it from its properties.
 */
class Dhis2ReportingTest extends IntegrationTest {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final int PATIENTS = 40;
    private static final List<String> CODES = List.of("1A00", "BA00.Z", "1A00", "5A11", "BA00.Z", "1A00", "5A11");
    private static final String LOINC = "718-7";
    private static final String ORG_UNIT = "OrgUnit0001";
    private static final String DATA_SET = "DataSet0001";
    private static final String TOKEN = "d2pat_test_token_0123456789";

    /** One request the DHIS2 stand-in received. */
    record Received(String method, String path, String authorization, String contentType, String body) {}

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static HttpServer dhis2;

    @Autowired
    EventStorageEngine events;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper mapper;

    @BeforeAll
    static void startDhis2() throws IOException {
        dhis2 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dhis2.setExecutor(Executors.newCachedThreadPool());
        dhis2.createContext("/ok/api/dataValueSets", exchange -> answer(exchange, 200, success(receive(exchange))));
        dhis2.createContext(
                "/legacy/api/dataValueSets",
                exchange -> answer(
                        receiving(exchange),
                        200,
                        "{\"responseType\":\"ImportSummary\",\"status\":\"WARNING\",\"importCount\":{\"imported\":0,"
                                + "\"updated\":1,\"ignored\":1,\"deleted\":0},\"conflicts\":[{\"object\":\"CoCombo0001\","
                                + "\"value\":\"Category option combo not found\"}]}"));
        dhis2.createContext(
                "/conflict/api/dataValueSets",
                exchange -> answer(
                        receiving(exchange),
                        409,
                        "{\"httpStatus\":\"Conflict\",\"httpStatusCode\":409,\"status\":\"WARNING\",\"message\":\"One more"
                                + " conflicts encountered, please check import summary.\",\"response\":{\"responseType\":"
                                + "\"ImportSummary\",\"status\":\"WARNING\",\"importCount\":{\"imported\":1,\"updated\":0,"
                                + "\"ignored\":1,\"deleted\":0},\"conflicts\":[{\"object\":\"Element0002\",\"objects\":"
                                + "{\"dataElement\":\"Element0002\"},\"value\":\"Data element not found or not accessible\","
                                + "\"errorCode\":\"E7610\",\"property\":\"dataElement\"}]}}"));
        dhis2.createContext(
                "/broken/api/dataValueSets",
                exchange -> answer(
                        receiving(exchange), 500, "<html><body>java.lang.NullPointerException at ...</body></html>"));
        dhis2.createContext("/slow/api/dataValueSets", exchange -> {
            receive(exchange);
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        dhis2.start();
    }

    @AfterAll
    static void stopDhis2() {
        RELEASE.countDown();
        dhis2.stop(0);
    }

    @Test
    void everyFigureEqualsWhatTheEventsSayAndTheSetIsValidDhis2() throws Exception {
        String department = createDepartment("DHIS2 Reporting", "ডিএইচআইএস২ রিপোর্ট");
        String counter = createServicePoint(department, "COUNTER").id();
        String practitioner = registerDoctor(department, LocalDate.now(DHAKA).plusYears(1));
        String doctor = staffActingAs(Role.DOCTOR, practitioner);
        String technician = newStaff(Role.LAB_TECHNICIAN);
        for (int i = 0; i < PATIENTS; i++) {
            String patient = patient(i);
            if (i % 2 == 0) {
                token(map("servicePointId", counter, "patientId", patient));
            }
            if (i % 10 == 5) {
                token(map(
                        "servicePointId",
                        counter,
                        "walkIn",
                        map("nameEn", "Walk In", "phone", "01711" + (200000 + i))));
            }
            String encounter = openEncounter(doctor, patient);
            String diagnosis = diagnose(doctor, encounter, "PRIMARY", CODES.get(i % CODES.size()), null);
            if (i % 4 == 1) {
                diagnose(doctor, encounter, "SECONDARY", null, "Tiredness, unexplained");
            }
            if (i % 13 == 7) {
                data(post(
                        doctor,
                        "mutation($input: ChangeDiagnosisInput!) { retractDiagnosis(input: $input) { diagnosisId } }",
                        Map.of(
                                "input",
                                map("encounterId", encounter, "diagnosisId", diagnosis, "reason", "wrong patient"))));
            }
            if (i % 3 == 1) {
                labOrder(doctor, technician, patient, encounter, i);
            }
        }
        awaitCaughtUp(OperationalReportProjector.PROCESSING_GROUP, ClinicalReportProjector.PROCESSING_GROUP);

        YearMonth month = YearMonth.now(DHAKA);
        Expected expected = expected(month, department, practitioner, counter);
        String chapter = jdbc.queryForObject(
                "select chapter from classification_code where code = '1A00' limit 1", String.class);
        String d = "department=" + department;
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("census.registrations", expected.registrations);
        figures.put("census.walk-ins[" + d + "]", expected.walkIns);
        figures.put("census.new-patient-visits[" + d + "]", expected.newVisits);
        figures.put("census.returning-patient-visits[" + d + "]", expected.returningVisits);
        figures.put("census.appointments-booked[" + d + "]", expected.booked);
        figures.put("census.no-shows[" + d + "]", expected.noShows);
        figures.put("diagnoses.all[" + d + "]", (long) expected.diagnoses.size());
        figures.put(
                "diagnoses.chapter:" + chapter + "[" + d + "]",
                expected.diagnoses.stream()
                        .filter(x -> chapter.equals(expected.chapters.get(x.code())))
                        .count());
        for (String code : Set.copyOf(CODES)) {
            figures.put(
                    "diagnoses.code:" + code + "[" + d + "]",
                    expected.diagnoses.stream()
                            .filter(x -> code.equals(x.code()))
                            .count());
        }
        for (String sex : List.of("FEMALE", "MALE")) {
            for (String age : List.of("<1", "1-4", "5-14", "15-24", "25-44", "45-64", "65+")) {
                figures.put(
                        "diagnoses.code:1A00[sex=" + sex + ",age=" + age + "," + d + "]",
                        expected.diagnoses.stream()
                                .filter(x -> "1A00".equals(x.code()) && sex.equals(x.sex()) && age.equals(x.age()))
                                .count());
            }
        }
        figures.put("lab.orders:" + LOINC + "[" + d + "]", expected.labOrders);
        figures.put("lab.abnormal:" + LOINC + "[" + d + "]", expected.labAbnormal);
        assertThat(expected.walkIns).isEqualTo(PATIENTS / 2 + PATIENTS / 10);
        assertThat(expected.labOrders).isPositive();
        assertThat(expected.labAbnormal).isPositive().isLessThan(expected.labOrders);
        long split = figures.entrySet().stream()
                .filter(f -> f.getKey().startsWith("diagnoses.code:1A00[sex="))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(split)
                .as("every patient is female or male, of a known age")
                .isEqualTo(figures.get("diagnoses.code:1A00[" + d + "]"))
                .isPositive();
        assertThat(figures.entrySet().stream()
                        .filter(f -> f.getKey().startsWith("diagnoses.code:1A00[sex=") && f.getValue() > 0)
                        .count())
                .as("several sexes and age groups")
                .isGreaterThan(3);

        List<Mapping> mapping = new ArrayList<>();
        int n = 0;
        for (String figure : figures.keySet()) {
            n++;
            mapping.add(new Mapping(figure, uid("Element", n), n % 2 == 0 ? uid("CoCombo", n) : null, null));
        }
        Dhis2DataValueSets sets = sets(properties(null, mapping), Clock.system(DHAKA));
        DataValueSet set = sets.build(month.toString());

        assertThat(set.complete()).as("the month is not over").isFalse();
        assertThat(set.completeDate()).isNull();
        assertThat(set.period()).isEqualTo(month.toString().replace("-", ""));
        assertThat(set.dataValues()).hasSize(figures.size());
        Map<String, Long> reported = new LinkedHashMap<>();
        for (DataValue value : set.dataValues()) {
            reported.put(value.figure(), Long.parseLong(value.value()));
        }
        assertThat(reported).isEqualTo(figures);
        assertThat(Dhis2Schema.violations(set.json())).isEmpty();
        JsonNode json = JSON.readTree(set.json());
        assertThat(json.get("dataSet").asText()).isEqualTo(DATA_SET);
        assertThat(json.get("orgUnit").asText()).isEqualTo(ORG_UNIT);
        assertThat(json.at("/dataValues/1/categoryOptionCombo").asText()).isEqualTo(uid("CoCombo", 2));
        assertThat(json.at("/dataValues/0/categoryOptionCombo").isMissingNode()).isTrue();
        assertThat(json.at("/dataValues/1/value").asText()).isEqualTo(String.valueOf(expected.walkIns));

        // Once the month is over: complete, dated, the same figures.
        Clock nextMonth = Clock.fixed(
                month.plusMonths(1).atDay(2).atTime(9, 0).atZone(DHAKA).toInstant(), DHAKA);
        DataValueSet over = sets(properties(null, mapping), nextMonth).build(month.toString());
        assertThat(over.complete()).isTrue();
        assertThat(over.completeDate()).isEqualTo(month.plusMonths(1).atDay(2));
        assertThat(over.dataValues()).isEqualTo(set.dataValues());
        assertThat(Dhis2Schema.violations(over.json())).isEmpty();
        ResponseEntity<Object> download = new Dhis2Export(sets).dataValueSet(month.toString());
        assertThat(download.getHeaders().getFirst("Carelog-Complete")).isEqualTo("false");
        assertThat(Dhis2Schema.violations((String) download.getBody())).isEmpty();
        assertThat(new Dhis2Export(sets)
                        .dataValueSet("November")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        assertThatThrownBy(() -> sets.build(month.plusMonths(1).toString()))
                .isInstanceOfSatisfying(
                        CarelogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
        assertThat(sets.build(month.minusMonths(1).toString()).dataValues().stream()
                        .filter(v -> !v.figure().equals("census.registrations"))
                        .allMatch(v -> v.value().equals("0")))
                .as("the department had nothing last month: zeros, still sent")
                .isTrue();
    }

    @Test
    void theApplicationWithoutDhis2SaysSoAndOnlyManagersAndAuditorsReadIt() {
        String query = "query($m: String!) { dhis2DataValueSet(month: $m) { period complete json } }";
        JsonNode unconfigured = json(post(credentials(Role.AUDITOR), query, Map.of("m", "2026-10")));
        assertThat(unconfigured.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(unconfigured.at("/errors/0/extensions/field").asText()).isEqualTo("carelog.reporting.dhis2");
        assertThat(unconfigured.at("/errors/0/message").asText()).contains("not configured");
        JsonNode refused = json(post(credentials(Role.RECEPTIONIST), query, Map.of("m", "2026-10")));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");

        String send = "mutation($input: SendDhis2DataValueSetInput!) { sendDhis2DataValueSet(input: $input) {"
                + " submission { id status } } }";
        Map<String, Object> input = Map.of("input", Map.of("month", "2026-10", "idempotencyKey", "k-" + unique()));
        assertThat(json(post(credentials(Role.AUDITOR), send, input))
                        .at("/errors/0/extensions/code")
                        .asText())
                .as("auditors read, only administrators send")
                .isEqualTo("FORBIDDEN");
        assertThat(json(post(credentials(Role.ADMIN), send, input))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("VALIDATION");

        HttpResponse<String> download = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/reports/dhis2/2026-10.json"))
                        .GET(),
                credentials(Role.ADMIN));
        assertThat(download.statusCode()).isEqualTo(400);
        assertThat(json(download).get("code").asText()).isEqualTo("VALIDATION");
        assertThat(send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/reports/dhis2/2026-10.json"))
                                        .GET(),
                                credentials(Role.DOCTOR))
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(post(credentials(Role.NURSE), "query { dhis2Submissions { id } }", Map.of()))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void sendsAFinishedMonthOnceAndTurnsDhis2sAnswersIntoCodes() throws Exception {
        YearMonth month = YearMonth.now(DHAKA).minusMonths(1);
        Clock now = Clock.system(DHAKA);
        List<Mapping> mapping = List.of(
                new Mapping("census.registrations", uid("Element", 1), null, null),
                new Mapping("diagnoses.all[sex=FEMALE]", uid("Element", 2), uid("CoCombo", 2), uid("AtCombo", 1)));
        String admin = "dhis2-admin-" + unique();

        Dhis2Submissions ok = submissions("ok", mapping, now);
        String key = "send-" + unique();
        Submission sent = ok.send(admin, month.toString(), key);
        assertThat(sent.status()).isEqualTo("SUCCESS");
        assertThat(sent.failure()).isNull();
        assertThat(sent.httpStatus()).isEqualTo(200);
        assertThat(sent.imported()).isEqualTo(2);
        assertThat(sent.updated()).isZero();
        assertThat(sent.requestedBy()).isEqualTo(admin);
        Received request = only("/ok/api/dataValueSets");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isEqualTo("ApiToken " + TOKEN);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(Dhis2Schema.violations(request.body())).isEmpty();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("period").asText()).isEqualTo(month.toString().replace("-", ""));
        assertThat(body.get("completeDate").asText())
                .isEqualTo(LocalDate.now(DHAKA).toString());
        assertThat(body.at("/dataValues/1/attributeOptionCombo").asText()).isEqualTo(uid("AtCombo", 1));
        assertThat(body.get("dataValues")).hasSize(2);

        Submission again = ok.send(admin, month.toString(), " " + key + " ");
        assertThat(again.id()).isEqualTo(sent.id());
        assertThat(received("/ok/api/dataValueSets"))
                .as("the same key sends once")
                .hasSize(1);
        assertRefused(() -> ok.send(admin, month.minusMonths(1).toString(), key), ErrorCode.CONFLICT, null);

        assertRefused(
                () -> ok.send(admin, YearMonth.now(DHAKA).toString(), "now-" + unique()), ErrorCode.VALIDATION, null);
        assertRefused(() -> ok.send(admin, month.toString(), " "), ErrorCode.VALIDATION, null);
        assertThat(received("/ok/api/dataValueSets"))
                .as("a month not over is not sent")
                .hasSize(1);

        Dhis2Submissions basic = submissions("legacy", mapping, now, "district-admin", "District1!");
        Submission warning = basic.send(admin, month.toString(), "legacy-" + unique());
        assertThat(warning.status()).isEqualTo("WARNING");
        assertThat(warning.updated()).isEqualTo(1);
        assertThat(warning.ignored()).isEqualTo(1);
        assertThat(warning.conflicts())
                .containsExactly(new Dhis2Submissions.Conflict("CoCombo0001", "Category option combo not found"));
        assertThat(only("/legacy/api/dataValueSets").authorization())
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString("district-admin:District1!".getBytes(StandardCharsets.UTF_8)));

        Dhis2Submissions conflict = submissions("conflict", mapping, now);
        String conflictKey = "conflict-" + unique();
        CarelogException refused = assertRefused(
                () -> conflict.send(admin, month.toString(), conflictKey), ErrorCode.CONFLICT, "REJECTED");
        assertThat(refused.getMessage()).contains("HTTP 409", "Element0002", "Data element not found");
        assertThat(refused.error().extensions())
                .containsEntry("httpStatus", 409)
                .containsEntry("dhis2Status", "WARNING");
        assertRefused(() -> conflict.send(admin, month.toString(), conflictKey), ErrorCode.CONFLICT, "REJECTED");
        assertThat(received("/conflict/api/dataValueSets"))
                .as("a failed key is not sent again")
                .hasSize(1);

        CarelogException broken = assertRefused(
                () -> submissions("broken", mapping, now).send(admin, month.toString(), "broken-" + unique()),
                ErrorCode.UNAVAILABLE,
                "SERVER_ERROR");
        assertThat(broken.getMessage()).contains("HTTP 500").doesNotContain("NullPointerException");

        CarelogException slow = assertRefused(
                () -> submissions("slow", mapping, now).send(admin, month.toString(), "slow-" + unique()),
                ErrorCode.UNAVAILABLE,
                "TIMEOUT");
        assertThat(slow.getMessage()).contains("did not answer in time");

        CarelogException unreachable = assertRefused(
                () -> submissions(URI.create("http://127.0.0.1:" + closedPort()), mapping, now)
                        .send(admin, month.toString(), "down-" + unique()),
                ErrorCode.UNAVAILABLE,
                "UNREACHABLE");
        assertThat(unreachable.getMessage()).contains("could not be reached");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select status, failure, http_status, response_summary from dhis2_submission where requested_by = ?"
                        + " order by requested_at, id",
                admin);
        assertThat(rows).hasSize(6);
        assertThat(rows.stream()
                        .map(r -> r.get("failure"))
                        .filter(f -> f != null)
                        .map(Object::toString))
                .containsExactlyInAnyOrder("REJECTED", "SERVER_ERROR", "TIMEOUT", "UNREACHABLE");

        JsonNode listed = data(post(
                        credentials(Role.AUDITOR),
                        "query { dhis2Submissions(first: 200) { id month requestedBy idempotencyKey status failure"
                                + " httpStatus imported updated ignored deleted conflicts { object value }"
                                + " responseSummary requestedAt finishedAt } }",
                        Map.of()))
                .get("dhis2Submissions");
        List<JsonNode> mine = new ArrayList<>();
        listed.forEach(s -> {
            if (s.get("requestedBy").asText().equals(admin)) {
                mine.add(s);
            }
        });
        assertThat(mine).hasSize(6);
        JsonNode first = mine.stream()
                .filter(s -> s.get("id").asText().equals(sent.id().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(first.get("imported").asInt()).isEqualTo(2);
        assertThat(first.get("month").asText()).isEqualTo(month.toString());
        JsonNode rejected = mine.stream()
                .filter(s -> "REJECTED".equals(s.get("failure").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(rejected.at("/conflicts/0/object").asText()).isEqualTo("Element0002");
        assertThat(rejected.get("httpStatus").asInt()).isEqualTo(409);
    }

    private CarelogException assertRefused(Runnable call, ErrorCode code, String failure) {
        CarelogException[] caught = new CarelogException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CarelogException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            if (failure != null) {
                assertThat(e.error().extensions()).containsEntry("dhis2Failure", failure);
                assertThat(e.error().extensions()).containsKey("submissionId");
            }
            caught[0] = e;
        });
        return caught[0];
    }

    private Dhis2DataValueSets sets(Dhis2Properties properties, Clock clock) {
        return new Dhis2DataValueSets(properties, jdbc, transactions, clock, mapper);
    }

    private Dhis2Submissions submissions(String path, List<Mapping> mapping, Clock clock) {
        return submissions(
                URI.create("http://127.0.0.1:" + dhis2.getAddress().getPort() + "/" + path + "/"), mapping, clock);
    }

    private Dhis2Submissions submissions(URI server, List<Mapping> mapping, Clock clock) {
        return new Dhis2Submissions(sets(properties(server, mapping), clock), jdbc, clock, mapper);
    }

    private Dhis2Submissions submissions(
            String path, List<Mapping> mapping, Clock clock, String user, String password) {
        Dhis2Properties properties = new Dhis2Properties(
                URI.create("http://127.0.0.1:" + dhis2.getAddress().getPort() + "/" + path),
                user,
                password,
                null,
                ORG_UNIT,
                DATA_SET,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                mapping);
        return new Dhis2Submissions(sets(properties, clock), jdbc, clock, mapper);
    }

    private static Dhis2Properties properties(URI server, List<Mapping> mapping) {
        return new Dhis2Properties(
                server,
                null,
                null,
                server == null ? null : TOKEN,
                ORG_UNIT,
                DATA_SET,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                mapping);
    }

    /** A DHIS2-like id: a prefix of letters padded with digits to 11 characters. */
    private static String uid(String prefix, int n) {
        return prefix + String.format("%0" + (11 - prefix.length()) + "d", n);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static Received only(String path) {
        List<Received> found = received(path);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        return body;
    }

    private static HttpExchange receiving(HttpExchange exchange) throws IOException {
        receive(exchange);
        return exchange;
    }

    /** DHIS2 2.38+'s answer: the import summary wrapped in a web message, every value imported. */
    private static String success(String received) throws IOException {
        JsonNode set = JSON.readTree(received);
        return "{\"httpStatus\":\"OK\",\"httpStatusCode\":200,\"status\":\"OK\",\"message\":\"Import was successful.\","
                + "\"response\":{\"responseType\":\"ImportSummary\",\"status\":\"SUCCESS\",\"importOptions\":{},"
                + "\"description\":\"Import process completed successfully\",\"importCount\":{\"imported\":"
                + set.get("dataValues").size() + ",\"updated\":0,\"ignored\":0,\"deleted\":0},\"conflicts\":[],"
                + "\"dataSetComplete\":\"false\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 500 ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A patient of the scenario: sexes alternate (a third male), ages spread from newborn to 80. */
    private String patient(int i) {
        Map<String, Object> registration = PatientFixtures.bystander(90_000_000L + unique());
        @SuppressWarnings("unchecked")
        Map<String, Object> demographics = (Map<String, Object>) registration.get("demographics");
        demographics.put("sex", i % 3 == 0 ? "MALE" : "FEMALE");
        demographics.put(
                "birthDate",
                LocalDate.now(DHAKA).minusYears(i * 2L).minusDays(123).toString());
        return data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", registration)))
                .at("/registerPatient/patientId")
                .asText();
    }

    private void token(Map<String, Object> input) {
        data(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId } }",
                Map.of("input", input)));
    }

    private String diagnose(String doctor, String encounter, String rank, String code, String uncoded) {
        return data(post(
                        doctor,
                        "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { diagnosisId } }",
                        Map.of(
                                "input",
                                map("encounterId", encounter, "rank", rank, "code", code, "uncodedText", uncoded))))
                .at("/recordDiagnosis/diagnosisId")
                .asText();
    }

    /** A haemoglobin order: resulted normal (even i) or low (odd i), one of them cancelled before a sample. */
    private void labOrder(String doctor, String technician, String patient, String encounter, int i) {
        String order = data(post(
                        doctor,
                        LabOrdersTest.ORDER,
                        Map.of("input", LabOrdersTest.routineOrder(patient, encounter, LOINC))))
                .at("/orderLabTest/orderId")
                .asText();
        if (i == 10) {
            data(post(
                    doctor,
                    "mutation($input: LabOrderActionInput!) { cancelLabOrder(input: $input) { orderId } }",
                    Map.of("input", Map.of("orderId", order, "reason", "patient left"))));
            return;
        }
        data(post(credentials(Role.NURSE), LabOrdersTest.COLLECT, LabOrdersTest.bloodSample(order)));
        String haemoglobin = i % 2 == 0 ? "14" : "9.5";
        data(post(technician, LabOrdersTest.ENTER, LabOrdersTest.haemoglobinResult(order, haemoglobin)));
    }

    /** A diagnosis as the events tell it: code (null when uncoded), the patient's sex and age group that day. */
    private record Diagnosis(String code, String sex, String age) {}

    private static final class Expected {
        long registrations;
        long walkIns;
        long newVisits;
        long returningVisits;
        long booked;
        long noShows;
        final List<Diagnosis> diagnoses = new ArrayList<>();
        final Map<String, String> chapters = new HashMap<>();
        long labOrders;
        long labAbnormal;
    }

    /** The month's figures for the department, straight from the stored events (no read model). */
    private Expected expected(YearMonth month, String department, String practitioner, String counter) {
        Expected expected = new Expected();
        Map<UUID, LocalDate> registeredOn = new HashMap<>();
        Map<UUID, String> sex = new HashMap<>();
        Map<UUID, LocalDate> born = new HashMap<>();
        Map<UUID, LocalDate> encounters = new HashMap<>();
        Map<UUID, Diagnosis> diagnoses = new LinkedHashMap<>();
        Map<UUID, String> labFlags = new HashMap<>();
        Set<UUID> appointments = new HashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                LocalDate day = event.getTimestamp().atZone(DHAKA).toLocalDate();
                boolean inMonth = YearMonth.from(day).equals(month);
                if (payload instanceof PatientRegistered r) {
                    registeredOn.put(r.patientId().value(), day);
                    if (r.demographics() != null) {
                        sex.put(r.patientId().value(), r.demographics().sex().name());
                        born.put(
                                r.patientId().value(),
                                r.demographics().birthDate().date());
                    }
                    expected.registrations += inMonth ? 1 : 0;
                } else if (payload instanceof TokenIssued t
                        && t.queueId().servicePointId().value().toString().equals(counter)
                        && YearMonth.from(t.queueId().date()).equals(month)
                        && t.appointment() == null
                        && t.transferredFrom() == null) {
                    expected.walkIns++;
                    LocalDate registered = t.patientId() == null
                            ? null
                            : registeredOn.get(t.patientId().value());
                    if (registered != null && registered.isBefore(t.queueId().date())) {
                        expected.returningVisits++;
                    } else {
                        expected.newVisits++;
                    }
                } else if (payload instanceof SlotBooked b
                        && b.departmentId() != null
                        && b.departmentId().value().toString().equals(department)) {
                    appointments.add(b.appointmentId().value());
                    expected.booked++;
                } else if (payload instanceof AppointmentMarkedNoShow s
                        && appointments.contains(s.appointmentId().value())) {
                    expected.noShows++;
                } else if (payload instanceof EncounterOpened o
                        && o.attending().value().toString().equals(practitioner)
                        && inMonth) {
                    encounters.put(o.encounterId().value(), day);
                } else if (payload instanceof DiagnosisRecorded r
                        && encounters.containsKey(r.encounterId().value())) {
                    UUID patient = r.patientId().value();
                    diagnoses.put(
                            r.diagnosisId(),
                            new Diagnosis(
                                    r.uncoded() ? null : r.code(),
                                    sex.get(patient),
                                    ageGroup(
                                            born.get(patient),
                                            encounters.get(r.encounterId().value()))));
                } else if (payload instanceof DiagnosisRetracted r) {
                    diagnoses.remove(r.diagnosisId());
                } else if (payload instanceof LabTestOrdered o
                        && o.encounterId() != null
                        && encounters.containsKey(o.encounterId().value())
                        && LOINC.equals(o.code())) {
                    labFlags.put(o.orderId().value(), "NONE");
                } else if (payload instanceof LabResultEntered e
                        && labFlags.containsKey(e.orderId().value())) {
                    labFlags.put(e.orderId().value(), e.result().flag().name());
                } else if (payload instanceof LabResultCorrected c
                        && labFlags.containsKey(c.orderId().value())) {
                    labFlags.put(c.orderId().value(), c.result().flag().name());
                } else if (payload instanceof LabOrderCancelled c) {
                    labFlags.remove(c.orderId().value());
                }
            });
        }
        expected.diagnoses.addAll(diagnoses.values());
        for (Diagnosis diagnosis : expected.diagnoses) {
            if (diagnosis.code() != null) {
                expected.chapters.computeIfAbsent(
                        diagnosis.code(),
                        code -> jdbc.queryForObject(
                                "select chapter from classification_code where code = ? limit 1", String.class, code));
            }
        }
        expected.labOrders = labFlags.size();
        expected.labAbnormal = labFlags.values().stream()
                .filter(flag -> !flag.equals("NONE") && !flag.equals("NORMAL"))
                .count();
        return expected;
    }

    /** The reports' age groups by the lower bound of each, counted here without the projector's code. */
    private static String ageGroup(LocalDate born, LocalDate on) {
        int years = Period.between(born, on).getYears();
        int[] lower = {65, 45, 25, 15, 5, 1, 0};
        String[] names = {"65+", "45-64", "25-44", "15-24", "5-14", "1-4", "<1"};
        for (int k = 0; k < lower.length; k++) {
            if (years >= lower[k]) {
                return names[k];
            }
        }
        return "UNKNOWN";
    }

    /** Until the processors have handled every event stored so far. */
    private void awaitCaughtUp(String... processors) {
        long head = events.createHeadToken().position().orElseThrow();
        for (String name : processors) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> processor.processingStatus().values().stream()
                                    .mapToLong(status ->
                                            status.getCurrentPosition().orElse(-1))
                                    .min()
                                    .orElse(-1)
                            >= head);
        }
    }
}
