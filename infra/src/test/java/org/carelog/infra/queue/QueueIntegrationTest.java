package org.carelog.infra.queue;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;

/** Service points, patients and token actions over GraphQL, for the queue tests. */
abstract class QueueIntegrationTest extends IntegrationTest {

    static final String ISSUE = "mutation($input: IssueTokenInput!) { issueToken(input: $input) {"
            + " tokenId label patientId journeyId } }";
    static final String CALL_NEXT = "mutation($input: CallNextTokenInput!) { callNextToken(input: $input) {"
            + " tokenId label reason counter } }";
    static final String QUEUE = "query($sp: ID!) { queue(servicePointId: $sp) { tokens { id label status priority"
            + " patientId walkInNameEn walkInPhone journeyId transferredFrom transferredToServicePointId counter"
            + " callReason calls waitedSeconds estimatedWaitSeconds } } }";

    record ServicePoint(String id, String code) {}

    /** A new department with a new service point of that kind. */
    ServicePoint servicePoint(String kind) {
        ServicePointRef created = createServicePoint(createDepartment("Queue Test", "লাইন পরীক্ষা"), kind);
        return new ServicePoint(created.id(), created.code());
    }

    JsonNode issue(Map<String, Object> input) {
        return data(post(credentials(Role.RECEPTIONIST), ISSUE, Map.of("input", input)))
                .get("issueToken");
    }

    JsonNode callNext(String servicePointId, String counter) {
        return data(post(
                        credentials(Role.DOCTOR),
                        CALL_NEXT,
                        Map.of("input", map("servicePointId", servicePointId, "counter", counter))))
                .get("callNextToken");
    }

    /** A token action (startService, skipToken...) by a nurse. */
    void act(String mutation, String tokenId) {
        data(post(
                credentials(Role.NURSE),
                "mutation($input: TokenActionInput!) { " + mutation + "(input: $input) { tokenId } }",
                Map.of(
                        "input",
                        Map.of(
                                "tokenId",
                                tokenId,
                                "idempotencyKey",
                                UUID.randomUUID().toString()))));
    }

    JsonNode queue(String servicePointId) {
        return data(post(credentials(Role.RECEPTIONIST), QUEUE, Map.of("sp", servicePointId)))
                .at("/queue/tokens");
    }

    /** The queue's tokens once the read model shows what {@code expected} looks for. */
    JsonNode awaitQueue(String servicePointId, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> expected.test(last[0] = queue(servicePointId)));
        return last[0];
    }

    static JsonNode token(JsonNode tokens, String label) {
        for (JsonNode token : tokens) {
            if (token.get("label").asText().equals(label)) {
                return token;
            }
        }
        throw new AssertionError("no token " + label + " in " + tokens);
    }
}
