package org.carelog.infra.conversation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.conversation.ConversationStarted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code conversation_patient} in the transaction that starts each conversation (subscribing). */
@Component
@ReadModelTables({"conversation_patient"})
@ProcessingGroup("conversation-lookup")
class ConversationLookup {

    private final JdbcTemplate jdbc;

    ConversationLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConversationStarted event) {
        jdbc.update(
                "insert into conversation_patient (conversation_id, patient_id) values (?, ?) on conflict do nothing",
                event.conversationId().value(),
                event.patientId().value());
    }
}
