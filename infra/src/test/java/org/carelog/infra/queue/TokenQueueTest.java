package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
}
