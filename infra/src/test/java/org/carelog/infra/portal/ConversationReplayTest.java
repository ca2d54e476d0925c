package org.carelog.infra.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversations read model is a projection: reset and replayed from the event store, its two tables come back
 * exactly as they were (its reset handler clears them, its writes are replay-safe).
 */
class ConversationReplayTest extends PortalApi {

    static final List<String> SNAPSHOTS = List.of(
            "select conversation_view::text from conversation_view order by conversation_id",
            "select conversation_message::text from conversation_message order by message_id");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRebuiltConversationReadModelEqualsTheLiveOne() {
        Clinic clinic = clinic();
        String last = null;
        for (int i = 0; i < 3; i++) {
            String patient = signedInPatient(registeredPatient());
            String conversation = startConversation(patient, clinic, "Question " + i, "First message " + i);
            String file = json(upload(patient, conversation, "scan-" + i + ".pdf", pdf()))
                    .get("attachmentId")
                    .asText();
            data(post(
                    patient,
                    SEND,
                    Map.of(
                            "input",
                            Map.of(
                                    "conversationId",
                                    conversation,
                                    "text",
                                    "See file",
                                    "attachmentIds",
                                    List.of(file)))));
            data(post(
                    clinic.doctor(), REPLY, Map.of("input", Map.of("conversationId", conversation, "text", "Thanks"))));
            data(post(patient, MARK_READ, Map.of("input", Map.of("conversationId", conversation))));
            last = conversation;
        }
        String lastConversation = last;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select patient_read_up_to from conversation_view where conversation_id = ?::uuid",
                                Integer.class,
                                lastConversation)
                        == 3);
        List<List<String>> live = snapshot();

        StreamingEventProcessor conversations = processing
                .eventProcessor("conversations", StreamingEventProcessor.class)
                .orElseThrow();
        conversations.shutDown();
        conversations.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from conversation_view", Integer.class))
                .as("the reset handler cleared the tables")
                .isZero();
        conversations.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
    }

    private List<List<String>> snapshot() {
        List<List<String>> tables = new ArrayList<>();
        for (String sql : SNAPSHOTS) {
            tables.add(jdbc.queryForList(sql, String.class));
        }
        return tables;
    }
}
