package org.carelog.infra.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;

/** GraphQL subscriptions over a real WebSocket: signing in with connection_init, roles, live updates. */
class SubscriptionTest extends IntegrationTest {

    static final String PROCESSORS =
            "subscription { eventProcessors { name segments caughtUp replaying error position behind } }";

    @Test
    void anAdministratorWatchesTheProjectionsCatchUpWithANewRegistration() {
        WebSocketGraphQlClient client = subscriptions(bearer(Role.ADMIN));
        try {
            List<ClientGraphQlResponse> updates = client.document(PROCESSORS)
                    .executeSubscription()
                    .takeUntil(r -> {
                        if (r.getErrors().isEmpty() && hasAdvanced(r)) {
                            return true;
                        }
                        registerOnce();
                        return false;
                    })
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertThat(updates).isNotEmpty();
            assertThat(updates).allSatisfy(r -> assertThat(r.getErrors()).isEmpty());
            ClientGraphQlResponse last = updates.get(updates.size() - 1);
            List<Map<String, Object>> processors = last.field("eventProcessors").getValue();
            assertThat(processors)
                    .extracting(p -> p.get("name"))
                    .contains("patient-directory", "practitioner-directory");
            JsonNode queried = json(post(
                            credentials(Role.AUDITOR), "{ eventProcessors { name segments error } }", Map.of()))
                    .at("/data/eventProcessors");
            assertThat(queried.findValuesAsText("name")).contains("patient-directory", "queue-tokens");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aConnectionWithoutCredentialsIsRefusedBeforeAnythingRuns() {
        WebSocketGraphQlClient client = subscriptions(null);
        try {
            assertThatThrownBy(() ->
                            client.document(PROCESSORS).executeSubscription().blockFirst(Duration.ofSeconds(20)))
                    .hasMessageContaining("code=4401");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
        WebSocketGraphQlClient wrong = subscriptions(basic(username(Role.ADMIN), "not-the-password"));
        try {
            assertThatThrownBy(() ->
                            wrong.document(PROCESSORS).executeSubscription().blockFirst(Duration.ofSeconds(20)))
                    .hasMessageContaining("code=4401");
        } finally {
            wrong.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRoleWithoutTheRightGetsForbiddenOverTheSocket() {
        WebSocketGraphQlClient client = subscriptions(credentials(Role.RECEPTIONIST));
        try {
            ClientGraphQlResponse first =
                    client.document(PROCESSORS).executeSubscription().blockFirst(Duration.ofSeconds(20));
            assertThat(first).isNotNull();
            assertThat(first.getErrors()).isNotEmpty();
            assertThat(first.getErrors().get(0).getExtensions()).containsEntry("code", "FORBIDDEN");
        } catch (RuntimeException e) {
            // A subscription refused at its start may also end the stream with the error itself.
            assertThat(e.getMessage()).contains("FORBIDDEN");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    private boolean registered;
    private long positionAtStart = -1;

    /** True once patient-directory has moved past where it was on the first update. */
    private boolean hasAdvanced(ClientGraphQlResponse response) {
        List<Map<String, Object>> processors = response.field("eventProcessors").getValue();
        long now = processors.stream()
                .filter(p -> "patient-directory".equals(p.get("name")) && p.get("position") != null)
                .mapToLong(p -> ((Number) p.get("position")).longValue())
                .findFirst()
                .orElse(0);
        if (positionAtStart < 0) {
            positionAtStart = now;
            return false;
        }
        return registered && now > positionAtStart;
    }

    private void registerOnce() {
        if (!registered) {
            registered = true;
            post(
                    credentials(Role.RECEPTIONIST),
                    "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { mrn } }",
                    Map.of("input", PatientFixtures.registration(unique())));
        }
    }

    private String bearer(Role role) {
        try {
            HttpResponse<String> issued = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/token"))
                                    .header("Authorization", credentials(role))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            JsonNode body = json(issued);
            return "Bearer " + body.get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
