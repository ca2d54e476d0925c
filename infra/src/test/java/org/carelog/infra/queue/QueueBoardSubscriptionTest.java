package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.Disposable;

/** The live board over a real WebSocket: staff and a display credential see calls as they happen. */
class QueueBoardSubscriptionTest extends QueueIntegrationTest {

    static final String BOARD = "subscription($sp: ID!) { queueBoard(servicePointId: $sp) {"
            + " code nameBn nowServing { label counter status } next { label } } }";
    static final String CREATE_DISPLAY = "mutation($input: CreateBoardDisplayInput!) {"
            + " createBoardDisplay(input: $input) { display { id } secret path } }";

    @Test
    void aNurseWatchingTheBoardSeesTokensIssuedAndCalled() {
        ServicePoint chamber = servicePoint("CHAMBER");
        List<ClientGraphQlResponse> updates = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = subscriptions(credentials(Role.NURSE));
        Disposable watching = watch(client, chamber.id(), updates);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !updates.isEmpty());
            assertThat(updates.get(0).getErrors()).isEmpty();
            assertThat(board(updates.get(0)).get("code").asText()).isEqualTo(chamber.code());
            assertThat(board(updates.get(0)).get("nowServing")).isEmpty();

            issue(Map.of("servicePointId", chamber.id(), "patientId", registeredPatient()));
            issue(Map.of("servicePointId", chamber.id(), "patientId", registeredPatient()));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> board(last(updates)).get("next").size() == 2);
            callNext(chamber.id(), "Room 7");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> board(last(updates)).get("nowServing").size() == 1);
            JsonNode board = board(last(updates));
            assertThat(board.at("/nowServing/0/label").asText()).isEqualTo(chamber.code() + "-001");
            assertThat(board.at("/nowServing/0/counter").asText()).isEqualTo("Room 7");
            assertThat(board.at("/next/0/label").asText()).isEqualTo(chamber.code() + "-002");
        } finally {
            watching.dispose();
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aDisplayCredentialReadsItsOwnBoardOnlyAndStopsWorkingOnceRevoked() {
        ServicePoint chamber = servicePoint("CHAMBER");
        ServicePoint other = servicePoint("COUNTER");
        JsonNode created = data(post(
                        credentials(Role.ADMIN),
                        CREATE_DISPLAY,
                        Map.of("input", Map.of("servicePointId", chamber.id(), "name", "Hall A, east wall"))))
                .get("createBoardDisplay");
        String secret = created.get("secret").asText();
        assertThat(created.get("path").asText())
                .contains("servicePoint=" + chamber.id())
                .endsWith("#key=" + secret);
        assertThat(jdbc.queryForObject(
                        "select count(*) from board_display where secret_hash::text like ?",
                        Integer.class,
                        "%" + secret + "%"))
                .as("only a hash is stored")
                .isZero();

        List<ClientGraphQlResponse> own = new CopyOnWriteArrayList<>();
        List<String> foreign = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient display = subscriptions("Board " + secret);
        Disposable watching = watch(display, chamber.id(), own);
        Disposable trying = display.document(BOARD)
                .variable("sp", other.id())
                .executeSubscription()
                .subscribe(r -> foreign.add(r.getErrors().toString()), e -> foreign.add(e.getMessage()));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !own.isEmpty() && !foreign.isEmpty());
            assertThat(own.get(0).getErrors()).isEmpty();
            assertThat(board(own.get(0)).get("code").asText()).isEqualTo(chamber.code());
            assertThat(foreign.get(0)).as("another service point's board").contains("FORBIDDEN");
        } finally {
            watching.dispose();
            trying.dispose();
            display.stop().block(Duration.ofSeconds(10));
        }
        // Not a staff credential: HTTP does not know it.
        assertThat(post("Board " + secret, "{ me { username } }", Map.of()).statusCode())
                .isEqualTo(401);

        data(post(
                credentials(Role.ADMIN),
                "mutation($input: RevokeBoardDisplayInput!) { revokeBoardDisplay(input: $input) { displayId } }",
                Map.of("input", Map.of("displayId", created.at("/display/id").asText()))));
        WebSocketGraphQlClient revoked = subscriptions("Board " + secret);
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        Disposable again = revoked.document(BOARD)
                .variable("sp", chamber.id())
                .executeSubscription()
                .subscribe(r -> {}, refused::add);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !refused.isEmpty());
            assertThat(refused.get(0).getMessage()).contains("4401");
        } finally {
            again.dispose();
            revoked.stop().block(Duration.ofSeconds(10));
        }
    }

    private static Disposable watch(
            WebSocketGraphQlClient client, String servicePointId, List<ClientGraphQlResponse> into) {
        return client.document(BOARD)
                .variable("sp", servicePointId)
                .executeSubscription()
                .subscribe(into::add, e -> System.err.println("board subscription ended: " + e));
    }

    private static ClientGraphQlResponse last(List<ClientGraphQlResponse> updates) {
        return updates.get(updates.size() - 1);
    }

    private static JsonNode board(ClientGraphQlResponse response) {
        Object board = response.field("queueBoard").getValue();
        return JSON.valueToTree(board);
    }
}
