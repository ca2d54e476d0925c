package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/** A day at a chamber over GraphQL on HTTP: issue, call in order, serve, transfer, read back. */
class TokenQueueTest extends QueueIntegrationTest {

    @Test
    void aMorningAtAChamberIsIssuedCalledServedTransferredAndReadBack() {
        ServicePoint chamber = servicePoint("CHAMBER");
        ServicePoint lab = servicePoint("SAMPLE_COLLECTION");
        String patient = registeredPatient();

        JsonNode first = issue(Map.of("servicePointId", chamber.id(), "patientId", patient));
        assertThat(first.get("label").asText()).isEqualTo(chamber.code() + "-001");
        assertThat(first.get("patientId").asText()).isEqualTo(patient);
        JsonNode walkIn = issue(Map.of(
                "servicePointId",
                chamber.id(),
                "walkIn",
                Map.of(
                        "nameBn",
                        "করিম উদ্দিন",
                        "nameEn",
                        "Karim Uddin",
                        "phone",
                        "01712-" + (100_000 + unique() % 899_999))));
        assertThat(walkIn.get("label").asText()).isEqualTo(chamber.code() + "-002");
        JsonNode elderly =
                issue(Map.of("servicePointId", chamber.id(), "patientId", registeredPatient(), "priority", "elderly"));
        assertThat(elderly.get("label").asText()).isEqualTo(chamber.code() + "-003");

        JsonNode called = callNext(chamber.id(), "Room 12");
        assertThat(called.get("label").asText()).isEqualTo(chamber.code() + "-003");
        assertThat(called.get("reason").asText()).isEqualTo("PRIORITY");
        assertThat(called.get("counter").asText()).isEqualTo("Room 12");
        JsonNode next = callNext(chamber.id(), "Room 12");
        assertThat(next.get("tokenId").asText()).isEqualTo(first.get("tokenId").asText());
        assertThat(next.get("reason").asText()).isEqualTo("FIRST_COME_FIRST_SERVED");

        act("startService", first.get("tokenId").asText());
        JsonNode transferred = data(post(
                credentials(Role.DOCTOR),
                "mutation($input: TransferTokenInput!) { transferToken(input: $input) { tokenId } }",
                Map.of("input", Map.of("tokenId", first.get("tokenId").asText(), "targetServicePointId", lab.id()))));
        assertThat(transferred.at("/transferToken/tokenId").asText())
                .isEqualTo(first.get("tokenId").asText());

        JsonNode tokens = awaitQueue(
                chamber.id(),
                t -> t.size() == 3
                        && token(t, first.get("label").asText())
                                .get("transferredToServicePointId")
                                .isTextual());
        JsonNode served = token(tokens, chamber.code() + "-001");
        assertThat(served.get("status").asText()).isEqualTo("SERVED");
        JsonNode waiting = token(tokens, chamber.code() + "-002");
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
        assertThat(waiting.get("walkInNameEn").asText()).isEqualTo("Karim Uddin");
        assertThat(waiting.get("walkInPhone").asText()).startsWith("+8801712");
        assertThat(waiting.get("estimatedWaitSeconds").isInt())
                .as("a waiting token has an estimate")
                .isTrue();
        JsonNode calledRow = token(tokens, chamber.code() + "-003");
        assertThat(calledRow.get("status").asText()).isEqualTo("CALLED");
        assertThat(calledRow.get("callReason").asText()).isEqualTo("PRIORITY");
        assertThat(calledRow.get("counter").asText()).isEqualTo("Room 12");

        // The journey goes on at the lab, with a token there for the same patient and journey.
        JsonNode labTokens = awaitQueue(lab.id(), t -> t.size() == 1);
        assertThat(labTokens.get(0).get("label").asText()).isEqualTo(lab.code() + "-001");
        assertThat(labTokens.get(0).get("journeyId").asText())
                .isEqualTo(first.get("journeyId").asText());
        assertThat(labTokens.get(0).get("transferredFrom").asText())
                .isEqualTo(first.get("tokenId").asText());
        JsonNode journey = data(post(
                        credentials(Role.NURSE),
                        "query($p: ID!) { patientJourney(patientId: $p) { label status } }",
                        Map.of("p", patient)))
                .get("patientJourney");
        assertThat(journey.findValuesAsText("label")).containsExactly(chamber.code() + "-001", lab.code() + "-001");

        JsonNode statistics = data(post(
                        credentials(Role.ADMIN),
                        "query($sp: ID!) { queueStatistics(servicePointId: $sp) { issued served waiting noShows"
                                + " servedPerHour { hour served } averageWaitSeconds p90WaitSeconds averageServiceSeconds"
                                + " p90ServiceSeconds } }",
                        Map.of("sp", chamber.id())))
                .get("queueStatistics");
        assertThat(statistics.get("issued").asInt()).isEqualTo(3);
        assertThat(statistics.get("served").asInt()).isEqualTo(1);
        assertThat(statistics.get("waiting").asInt()).isEqualTo(1);
        assertThat(statistics.at("/servedPerHour/0/served").asInt()).isEqualTo(1);
        assertThat(statistics.get("averageWaitSeconds").isNumber()).isTrue();
        assertThat(statistics.get("p90ServiceSeconds").isNumber()).isTrue();
    }

    @Test
    void aRetriedIssueWithTheSameKeyGetsTheSameTokenAndStoresNothingNew() {
        ServicePoint chamber = servicePoint("CHAMBER");
        String patient = registeredPatient();
        Map<String, Object> input = Map.of(
                "servicePointId",
                chamber.id(),
                "patientId",
                patient,
                "idempotencyKey",
                UUID.randomUUID().toString());
        JsonNode first = issue(input);
        long events = eventCount();
        JsonNode again = issue(input);
        assertThat(again.get("tokenId").asText()).isEqualTo(first.get("tokenId").asText());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputAndWrongRolesChangeNothing() {
        ServicePoint chamber = servicePoint("CHAMBER");
        long events = eventCount();
        JsonNode both = json(post(
                credentials(Role.RECEPTIONIST),
                ISSUE,
                Map.of(
                        "input",
                        Map.of(
                                "servicePointId",
                                chamber.id(),
                                "patientId",
                                registeredPatient(),
                                "walkIn",
                                Map.of("nameEn", "Karim", "phone", "01712345678")))));
        assertThat(both.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        events = eventCount();
        JsonNode badWalkIn = json(post(
                credentials(Role.RECEPTIONIST),
                ISSUE,
                Map.of(
                        "input",
                        Map.of(
                                "servicePointId",
                                "nope",
                                "priority",
                                "VIP",
                                "walkIn",
                                Map.of("nameEn", "K4rim", "phone", "12")))));
        assertThat(badWalkIn.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(badWalkIn.at("/errors/0/extensions/violations").findValuesAsText("field"))
                .contains("servicePointId", "walkIn.nameEn", "walkIn.phone");
        JsonNode unknownPriority = json(post(
                credentials(Role.RECEPTIONIST),
                ISSUE,
                Map.of(
                        "input",
                        Map.of("servicePointId", chamber.id(), "patientId", registeredPatient(), "priority", "VIP"))));
        assertThat(unknownPriority.at("/errors/0/extensions/field").asText()).isEqualTo("priority");
        events = eventCount();
        JsonNode auditor = json(post(
                credentials(Role.AUDITOR),
                ISSUE,
                Map.of(
                        "input",
                        Map.of(
                                "servicePointId",
                                chamber.id(),
                                "walkIn",
                                Map.of("nameEn", "Karim", "phone", "01712345678")))));
        assertThat(auditor.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(eventCount()).isEqualTo(events);
        JsonNode nobody = callNext(chamber.id(), null);
        assertThat(nobody.get("tokenId").isNull())
                .as("no token issued today: nobody to call")
                .isTrue();
    }

    @Test
    void aSkippedPatientComesBackAfterTheConfiguredCallsAndANoShowLeaves() {
        ServicePoint counter = servicePoint("COUNTER");
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = issue(Map.of("servicePointId", counter.id(), "patientId", registeredPatient()))
                    .get("tokenId")
                    .asText();
        }
        assertThat(callNext(counter.id(), "Counter 1").get("tokenId").asText()).isEqualTo(ids[0]);
        act("skipToken", ids[0]);
        for (int i = 1; i <= 3; i++) {
            assertThat(callNext(counter.id(), "Counter 1").get("tokenId").asText())
                    .isEqualTo(ids[i]);
        }
        assertThat(callNext(counter.id(), "Counter 1").get("tokenId").asText())
                .as("back in line after three further calls")
                .isEqualTo(ids[0]);
        act("markTokenNoShow", ids[0]);
        act("recallToken", ids[3]);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode tokens = queue(counter.id());
            assertThat(tokens.get(0).get("status").asText()).isEqualTo("NO_SHOW");
            assertThat(tokens.get(0).get("calls").asInt()).isEqualTo(2);
            assertThat(tokens.get(3).get("calls").asInt()).isEqualTo(2);
        });
    }

    static final String BOARD =
            "query($sp: ID!) { queueBoard(servicePointId: $sp) { nowServing { label } next { label } } }";

    @Test
    void theBoardsNextTokenIsTheOneTheNextCallChooses() {
        ServicePoint counter = servicePoint("COUNTER");
        List<String> labels = new ArrayList<>();
        // Walk-ins and elderly patients mixed: the fairness guard (after 3 priority calls past a walk-in) and
        // a skipped patient due back after 3 calls both make the order differ from "priority, then number".
        for (String priority : new String[] {null, "ELDERLY", "ELDERLY", null, "ELDERLY", "ELDERLY", null, "ELDERLY"}) {
            Map<String, Object> input = new java.util.HashMap<>();
            input.put("servicePointId", counter.id());
            input.put("patientId", registeredPatient());
            if (priority != null) {
                input.put("priority", priority);
            }
            labels.add(issue(input).get("label").asText());
        }
        String last = null;
        int calls = 0;
        List<String> reasons = new ArrayList<>();
        while (true) {
            String called = last;
            JsonNode board = awaitBoard(
                    counter.id(),
                    b -> called == null
                            || (b.at("/nowServing").size() > 0
                                    && b.at("/nowServing/0/label").asText().equals(called)));
            JsonNode next = callNext(counter.id(), "Counter 1");
            if (next == null || next.isNull() || next.path("tokenId").isNull()) {
                assertThat(board.at("/next").size())
                        .as("nobody in line, nobody on the board")
                        .isZero();
                break;
            }
            assertThat(board.at("/next/0/label").asText())
                    .as("call %d: the board showed the token the call chose (%s)", calls + 1, next.get("reason"))
                    .isEqualTo(next.get("label").asText());
            calls++;
            reasons.add(next.get("reason").asText());
            last = next.get("label").asText();
            if (calls == 2) {
                act("skipToken", next.get("tokenId").asText());
                String skipped = last;
                awaitQueue(counter.id(), tokens -> java.util.stream.StreamSupport.stream(tokens.spliterator(), false)
                        .anyMatch(t -> t.get("label").asText().equals(skipped)
                                && t.get("status").asText().equals("SKIPPED")));
                last = null;
            }
        }
        assertThat(calls).as("every token called once, the skipped one twice").isEqualTo(labels.size() + 1);
        assertThat(reasons).as("the order was not just priority, then number").contains("FAIRNESS_GUARD");
    }

    JsonNode awaitBoard(String servicePointId, Predicate<JsonNode> fresh) {
        JsonNode[] board = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            board[0] = data(post(credentials(Role.RECEPTIONIST), BOARD, Map.of("sp", servicePointId)))
                    .get("queueBoard");
            return fresh.test(board[0]);
        });
        return board[0];
    }
}
