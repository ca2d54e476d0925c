package org.carelog.infra;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.carelog.api.common.Role;
import org.carelog.infra.patient.PatientFixtures;
import org.carelog.infra.security.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Boots the whole application once per JVM on a real embedded PostgreSQL (its own data directory under
 * target/it-data) and speaks GraphQL over real HTTP. Tests share the database, so each uses values of its own
 * (see {@link #unique}) and counts changes rather than totals.
 */
@SpringBootTest(
        classes = CarelogApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "carelog.database.embedded.port=0",
            // Each application context gets a database of its own (contexts with other settings too).
            "carelog.database.embedded.data-directory=target/it-data/${random.uuid}",
            "carelog.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            // A made-up ICD-10 list stands in for a facility's licensed one (Carelog ships no ICD-10).
            "carelog.reference.icd10-file=src/test/resources/reference/icd10-sample.csv",
            // Generated on first use, outside the data directories, shared by every test context.
            "carelog.privacy.master-key-file=target/it-keys/master.key",
            "carelog.audit.signing-key-file=target/it-keys/audit-signing.key",
            // Test users sign in with HTTP Basic on every call; MfaTest runs a context with the defaults.
            "carelog.security.mfa.required-roles=",
            // Tests of other features read charts with accounts linked to no practitioner; ClinicalAccessTest
            // runs a context with the product's default (true).
            "carelog.clinical.access.restrict-to-care=false",
            // Every test signs patients in from 127.0.0.1; PatientSignInLimitsTest runs a context with low limits.
            "carelog.portal.sign-in.address-max-codes=100000",
            "logging.level.org.carelog=info"
        })
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "Kestrel-paddy-field-1971";
    static final String PASSWORD_SUFFIX = "-it-password";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** The SMS aggregator every test context sends to (one per JVM). */
    protected static final TestSmsGateway SMS_GATEWAY = TestSmsGateway.get();

    /** The SMTP server every test context sends e-mail to (GreenMail, one per JVM). */
    protected static final GreenMail MAIL_SERVER = startMailServer();

    public static final String SMS_CALLBACK_SECRET = "test-delivery-report-secret";

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    /**
     * Every test context sends SMS to {@link #SMS_GATEWAY} and e-mail to {@link #MAIL_SERVER}; deadlines and queued
     * messages are looked for often, and there are no quiet hours (tests run at any hour; QuietHours is unit-tested).
     */
    @DynamicPropertySource
    static void communication(DynamicPropertyRegistry registry) {
        registry.add("carelog.communication.sms.url", () -> SMS_GATEWAY.url("/sms/send"));
        registry.add("carelog.communication.sms.status-url", () -> SMS_GATEWAY.url("/sms/status"));
        registry.add("carelog.communication.sms.api-token", () -> "test-token");
        registry.add("carelog.communication.sms.timeout", () -> "PT2S");
        registry.add("carelog.communication.sms.callback-secret", () -> SMS_CALLBACK_SECRET);
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> MAIL_SERVER.getSmtp().getPort());
        registry.add("carelog.communication.email.from", () -> "clinic@carelog.test");
        registry.add("carelog.communication.quiet-hours.start", () -> "00:00");
        registry.add("carelog.communication.quiet-hours.end", () -> "00:00");
        registry.add("carelog.communication.dispatch.poll-interval", () -> "PT0.2S");
        registry.add("carelog.communication.scheduler.polling-interval", () -> "PT0.5S");
        registry.add("carelog.communication.reminders.turn-near-check-interval", () -> "PT1S");
    }

    /** The SMS texts the test gateway received for the phone number (E.164, with or without '+'), in order. */
    protected static List<String> smsSentTo(String e164Phone) {
        return SMS_GATEWAY.sentTo(e164Phone);
    }

    /** An e-mail as the test SMTP server received it. */
    public record Mail(String subject, String text, String html) {}

    /** The e-mails GreenMail received for the address, in order. */
    protected static List<Mail> mailSentTo(String address) {
        return Arrays.stream(MAIL_SERVER.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .map(IntegrationTest::mail)
                .toList();
    }

    private static Mail mail(jakarta.mail.internet.MimeMessage message) {
        try {
            String text = null;
            String html = null;
            if (message.getContent() instanceof MimeMultipart multipart) {
                var texts = new java.util.HashMap<String, String>();
                collectParts(multipart, texts);
                text = texts.get("text/plain");
                html = texts.get("text/html");
            } else {
                text = GreenMailUtil.getBody(message);
            }
            return new Mail(message.getSubject(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectParts(MimeMultipart multipart, Map<String, String> texts)
            throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof MimeMultipart nested) {
                collectParts(nested, texts);
            } else if (part.isMimeType("text/plain")) {
                texts.putIfAbsent("text/plain", content.toString());
            } else if (part.isMimeType("text/html")) {
                texts.putIfAbsent("text/html", content.toString());
            }
        }
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private StaffAccounts accounts;

    @Autowired
    private org.axonframework.config.EventProcessingConfiguration eventProcessing;

    @Autowired
    private org.axonframework.eventsourcing.eventstore.EventStorageEngine eventStorage;

    /** Waits until the tracking processor of this group has handled every event stored so far. */
    protected void awaitCaughtUp(String processingGroup) {
        var processor = eventProcessing
                .eventProcessor(processingGroup, org.axonframework.eventhandling.StreamingEventProcessor.class)
                .orElseThrow();
        long head = eventStorage.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(90)).until(() -> processor.processingStatus().values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
    }

    @BeforeEach
    void staffForEveryRole() {
        for (Role role : Role.values()) {
            if (role == Role.PATIENT) {
                continue; // patients are not staff: see signedInPatient
            }
            String username = username(role);
            if (!accounts.exists(username)) {
                accounts.create(username, username + PASSWORD_SUFFIX, role, "Test " + role);
            }
        }
    }

    protected static String username(Role role) {
        return "it-" + role.name().toLowerCase();
    }

    /** A GraphQL client signed in with HTTP Basic as a user of that role. */
    protected HttpGraphQlTester as(Role role) {
        return tester(basic(username(role), username(role) + PASSWORD_SUFFIX));
    }

    protected HttpGraphQlTester withAuthorization(String authorization) {
        return tester(authorization);
    }

    /**
     * A GraphQL-over-WebSocket client (graphql-transport-ws) that signs in with {@code authorization} in its
     * connection_init payload, as a browser would; null sends no credentials.
     */
    protected WebSocketGraphQlClient subscriptions(String authorization) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return authorization == null ? Mono.empty() : Mono.just(Map.of("Authorization", authorization));
                    }
                })
                .build();
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    private HttpGraphQlTester tester(String authorization) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(baseUrl() + "/graphql")
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> {
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .build();
        return HttpGraphQlTester.create(client);
    }

    /** A plain HTTP POST of a GraphQL request, for status codes, headers and concurrent clients. */
    protected HttpResponse<String> post(
            String authorization, String query, Map<String, Object> variables, String... headers) {
        try {
            var body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            return send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    authorization,
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request with an optional Authorization header and further header name/value pairs. */
    protected static HttpResponse<String> send(HttpRequest.Builder request, String authorization, String... headers) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data of a response that must have no errors. */
    protected static JsonNode data(HttpResponse<String> response) {
        JsonNode body = json(response);
        if (!body.path("errors").isMissingNode()) {
            throw new AssertionError("GraphQL errors: " + response.body());
        }
        return body.get("data");
    }

    protected static String credentials(Role role) {
        return basic(username(role), username(role) + PASSWORD_SUFFIX);
    }

    /** A number no other test in this JVM gets: for names, phones and identity numbers. */
    protected static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    protected long eventCount(String payloadType, String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype = ? and aggregateidentifier = ?",
                Long.class,
                payloadType,
                aggregateId);
    }

    protected void awaitInDirectory(String patientId) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from patient_directory where patient_id = ?::uuid",
                                Integer.class,
                                patientId)
                        == 1);
    }

    /** A new department with a code of its own, created by ADMIN; its id. */
    protected String createDepartment(String nameEn, String nameBn) {
        return data(post(
                        credentials(Role.ADMIN),
                        "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                        Map.of("input", Map.of("code", uniqueCode("D"), "nameEn", nameEn, "nameBn", nameBn))))
                .at("/createDepartment/departmentId")
                .asText();
    }

    /** A service point of a department, created by ADMIN. */
    /** A newly registered patient (a bystander: out of the way of the patient search tests' names). */
    protected String registeredPatient() {
        return data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", PatientFixtures.bystander(60_000_000L + unique()))))
                .at("/registerPatient/patientId")
                .asText();
    }

    /** The one-time code sent for a challenge, as the patient's phone received it from the test SMS gateway. */
    protected String codeOf(String challengeId) {
        return awaitMessage("otp:" + challengeId).code();
    }

    /**
     * A message Carelog recorded for a patient (table communication_message), with the text the test SMS gateway
     * received for it (our message id is the gateway reference), or null while it has not arrived or for e-mail.
     */
    protected record SentMessage(
            String messageId,
            String patientId,
            String kind,
            String channel,
            String deduplicationKey,
            String status,
            boolean hasSecret,
            String text) {

        private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");
        private static final java.util.regex.Pattern CODE =
                java.util.regex.Pattern.compile("(?<![0-9])[0-9]{4,10}(?![0-9])");

        /** The first web address in the text. */
        public String link() {
            var matcher = LINK.matcher(text == null ? "" : text);
            if (!matcher.find()) {
                throw new AssertionError("no link in " + text);
            }
            return matcher.group();
        }

        /** The first run of 4 to 10 digits in the text (a one-time code). */
        public String code() {
            var matcher = CODE.matcher(text == null ? "" : text);
            if (!matcher.find()) {
                throw new AssertionError("no code in " + text);
            }
            return matcher.group();
        }
    }

    /** Every message Carelog recorded, oldest first, each with the SMS text the gateway received for it. */
    protected List<SentMessage> sentMessages() {
        Map<String, String> texts = new java.util.HashMap<>();
        SMS_GATEWAY.received().forEach(sms -> {
            if (sms.reference() != null) {
                texts.putIfAbsent(sms.reference(), sms.text());
            }
        });
        return jdbc.query(
                "select message_id::text, patient_id::text, kind, channel, deduplication_key, status, has_secret"
                        + " from communication_message order by created_at, message_id",
                (rs, n) -> new SentMessage(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        texts.get(rs.getString(1))));
    }

    /** How many messages Carelog has recorded (sent, queued or skipped). */
    protected long messageCount() {
        return jdbc.queryForObject("select count(*) from communication_message", Long.class);
    }

    /** The message with this deduplication key once an SMS has reached the test gateway (or any e-mail is recorded). */
    protected SentMessage awaitMessage(String deduplicationKey) {
        try {
            return await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> sentMessages().stream()
                                    .filter(m -> m.deduplicationKey().equals(deduplicationKey))
                                    .findFirst()
                                    .orElse(null),
                            m -> m != null && (m.text() != null || !"SMS".equals(m.channel())));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no message " + deduplicationKey + " reached the patient: "
                            + jdbc.queryForList(
                                    "select status, decision, channel, attempts, next_attempt_at, expires_at, gateway_answer"
                                            + " from communication_message where deduplication_key = ?",
                                    deduplicationKey),
                    e);
        }
    }

    /** The patient's first message of this kind once its SMS has reached the test gateway. */
    protected SentMessage awaitMessage(String patientId, String kind) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> sentMessages().stream()
                                .filter(m -> m.patientId().equals(patientId)
                                        && m.kind().equals(kind))
                                .findFirst()
                                .orElse(null),
                        m -> m != null && (m.text() != null || !"SMS".equals(m.channel())));
    }

    /** POST of a JSON body to a plain HTTP endpoint (the patient sign-in), without credentials. */
    protected HttpResponse<String> postJson(String path, Map<String, ?> body) {
        try {
            return send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registered phone of a patient, as the sign-in knows it (E.164). */
    protected String phoneOf(String patientId) {
        // Messages take the patient's contact details from the directory, which follows registration by a moment:
        // a patient asks for a code once they can be found there (a message queued earlier is refused, NO_PATIENT).
        awaitInDirectory(patientId);
        return jdbc.queryForObject(
                "select phone from patient_match where patient_id = ?::uuid", String.class, patientId);
    }

    /**
     * Signs the patient in to the portal through the real one-time code sign-in (code by SMS to their registered
     * phone, read from the test SMS gateway); returns the Authorization header value of their token.
     */
    protected String signedInPatient(String patientId) {
        HttpResponse<String> challenge = postJson("/auth/patient/code", Map.of("phone", phoneOf(patientId)));
        if (challenge.statusCode() != 202) {
            throw new AssertionError("code request: " + challenge.statusCode() + " " + challenge.body());
        }
        String challengeId = json(challenge).get("challengeId").asText();
        HttpResponse<String> token = postJson(
                "/auth/patient/token",
                Map.of("challengeId", challengeId, "code", codeOf(challengeId), "patientId", patientId));
        if (token.statusCode() != 200) {
            throw new AssertionError("code sign-in: " + token.statusCode() + " " + token.body());
        }
        return "Bearer " + json(token).get("access_token").asText();
    }

    /** A newly registered doctor of the department, with a BMDC registration valid until {@code bmdcExpiresOn}. */
    protected String registerDoctor(String departmentId, LocalDate bmdcExpiresOn) {
        long n = unique();
        String id = data(post(
                        credentials(Role.ADMIN),
                        "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) {"
                                + " practitionerId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "nameEn",
                                        "Dr. Test " + Long.toString(n, 36).replaceAll("[0-9]", "x"),
                                        "nameBn",
                                        "ডা. পরীক্ষা",
                                        "role",
                                        "DOCTOR",
                                        "bmdc",
                                        Map.of(
                                                "number",
                                                "A-" + (100_000 + n % 899_999),
                                                "expiresOn",
                                                bmdcExpiresOn.toString()),
                                        "specialty",
                                        "Medicine",
                                        "departmentId",
                                        departmentId,
                                        "languages",
                                        java.util.List.of("BN", "EN"),
                                        "qualifications",
                                        java.util.List.of("MBBS", "FCPS (Medicine)"),
                                        "fees",
                                        Map.of("newVisit", "800", "followUp", "500")))))
                .at("/registerPractitioner/practitionerId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from practitioner_directory where practitioner_id = ?::uuid",
                                Long.class,
                                id)
                        == 1);
        return id;
    }

    /**
     * A new staff account of that role acting as the practitioner (created and linked over GraphQL by the
     * administrator); returns its HTTP Basic credentials.
     */
    protected String staffActingAs(Role role, String practitionerId) {
        String credentials = newStaff(role);
        String username =
                new String(Base64.getDecoder().decode(credentials.substring("Basic ".length()))).split(":")[0];
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: LinkStaffToPractitionerInput!) { linkStaffToPractitioner(input: $input) {"
                        + " user { practitionerId } } }",
                Map.of("input", Map.of("username", username, "practitionerId", practitionerId))));
        return credentials;
    }

    /** A new staff account of that role, created over GraphQL by the administrator; its HTTP Basic credentials. */
    protected String newStaff(Role role) {
        String username = "it-" + role.name().toLowerCase() + "-" + unique();
        String password = "Kestrel-paddy-" + unique() + "-field";
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                Map.of(
                        "input",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Test " + username,
                                "role",
                                role.name(),
                                "password",
                                password))));
        return basic(username, password);
    }

    /** An outpatient encounter opened directly for the patient by a doctor account linked to a practitioner. */
    protected String openEncounter(String doctorCredentials, String patientId) {
        return data(post(
                        doctorCredentials,
                        "mutation($input: OpenEncounterInput!) { openEncounter(input: $input) { encounterId } }",
                        Map.of("input", Map.of("type", "OUTPATIENT", "patientId", patientId))))
                .at("/openEncounter/encounterId")
                .asText();
    }

    protected record ServicePointRef(String id, String code) {}

    protected ServicePointRef createServicePoint(String departmentId, String kind) {
        String code = uniqueCode("P");
        String id = data(post(
                        credentials(Role.ADMIN),
                        "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "departmentId",
                                        departmentId,
                                        "code",
                                        code,
                                        "nameEn",
                                        "Room " + code,
                                        "nameBn",
                                        "কক্ষ",
                                        "kind",
                                        kind))))
                .at("/addServicePoint/servicePointId")
                .asText();
        return new ServicePointRef(id, code);
    }

    /** A department or service point code no other test uses: a letter and a base-36 number. */
    protected static String uniqueCode(String letter) {
        String code = letter + Long.toString(unique(), 36).toUpperCase();
        return code.substring(0, Math.min(10, code.length()));
    }

    protected static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** GETs a CSV export and parses it by its header row; the response must be 200 and text/csv. */
    protected List<org.apache.commons.csv.CSVRecord> csv(String path, String authorization) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), authorization);
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(response.body())
                .isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/csv");
        try {
            return org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new java.io.StringReader(response.body()))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
