package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;

/** Sign-in, roles and response headers, over real HTTP. */
class SecurityTest extends IntegrationTest {

    static final String ME = "{ me { username role } }";
    static final String REGISTER =
            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId mrn } }";

    @Test
    void unauthenticatedRequestsAreRefused() {
        assertThat(post(null, ME, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(basic(username(Role.RECEPTIONIST), "wrong"), ME, Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("Bearer not-a-token", ME, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorFromConfigurationCanSignIn() {
        JsonNode me = json(post(basic("admin", ADMIN_PASSWORD), ME, Map.of()));
        assertThat(me.at("/data/me/role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aRoleWithoutTheRightIsForbiddenAndNothingIsStored() {
        String patient = signedInPatient(registeredPatient());
        long before = eventCount();
        Map<String, String> users =
                Map.of("BILLING", credentials(Role.BILLING), "AUDITOR", credentials(Role.AUDITOR), "PATIENT", patient);
        for (Map.Entry<String, String> user : users.entrySet()) {
            JsonNode response =
                    json(post(user.getValue(), REGISTER, Map.of("input", PatientFixtures.registration(unique()))));
            assertThat(response.at("/errors/0/extensions/code").asText())
                    .as(user.getKey())
                    .isEqualTo("FORBIDDEN");
            assertThat(response.at("/data/registerPatient").isNull()
                            || response.at("/data").isNull())
                    .isTrue();
        }
        assertThat(eventCount()).isEqualTo(before);
        JsonNode search =
                json(post(credentials(Role.BILLING), "{ patients(first: 1) { edges { cursor } } }", Map.of()));
        assertThat(search.path("errors").isMissingNode()).isTrue();
        JsonNode patientSearch = json(post(patient, "{ patients(first: 1) { edges { cursor } } }", Map.of()));
        assertThat(patientSearch.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aBearerTokenIssuedByCarelogSignsIn() throws Exception {
        HttpResponse<String> issued = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/token"))
                                .header("Authorization", credentials(Role.DOCTOR))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("no-store");
        JsonNode token = JSON.readTree(issued.body());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isPositive();
        String bearer = "Bearer " + token.get("access_token").asText();

        JsonNode me = json(post(bearer, ME, Map.of()));
        assertThat(me.at("/data/me/username").asText()).isEqualTo(username(Role.DOCTOR));
        assertThat(me.at("/data/me/role").asText()).isEqualTo("DOCTOR");

        String[] parts = token.get("access_token").asText().split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("DOCTOR", "ADMIN")
                        .getBytes());
        assertThat(post("Bearer " + parts[0] + "." + forgedPayload + "." + parts[2], ME, Map.of())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theTokenEndpointNeedsCredentials() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/token"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void responsesCarrySecurityHeadersAndTheRequestId() {
        HttpResponse<String> response = post(credentials(Role.RECEPTIONIST), ME, Map.of(), "X-Request-Id", "req-42");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42");
    }

    @Test
    void everyEventSaysWhoCausedItFromWhichRequest() throws Exception {
        long n = unique();
        Map<String, Object> input = PatientFixtures.registration(n);
        input.put("idempotencyKey", "metadata-" + n);
        JsonNode response =
                json(post(credentials(Role.NURSE), REGISTER, Map.of("input", input), "X-Request-Id", "req-" + n));
        String patientId = response.at("/data/registerPatient/patientId").asText();
        JsonNode metadata = JSON.readTree(jdbc.queryForObject(
                "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class,
                patientId));
        assertThat(metadata.get("username").asText()).isEqualTo(username(Role.NURSE));
        assertThat(metadata.get("role").asText()).isEqualTo("NURSE");
        assertThat(metadata.get("requestId").asText()).isEqualTo("req-" + n);
        assertThat(metadata.get("idempotencyKey").asText()).isEqualTo("metadata-" + n);
        assertThat(metadata.get("correlationId").asText()).isNotBlank();
        String timestamp = jdbc.queryForObject(
                "select timestamp from domainevententry where aggregateidentifier = ?", String.class, patientId);
        assertThat(java.time.Instant.parse(timestamp)).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void healthReportsTheDatabaseAndGraphiqlIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .header("Authorization", basic("admin", ADMIN_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");

        HttpResponse<String> graphiql = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/graphiql")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).isIn(200, 302, 307);
    }
}
