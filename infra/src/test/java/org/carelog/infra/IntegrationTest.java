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

    @BeforeEach
    void staffForEveryRole() {
        for (Role role : Role.values()) {
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
}
