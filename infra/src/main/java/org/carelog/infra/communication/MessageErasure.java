package org.carelog.infra.communication;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased patient's messages lose their texts and addresses (already unreadable: they were encrypted with the
 * destroyed key) and a message still waiting is withdrawn. The facts stay: kind, channel, status, times.
 */
@Component
@ReadModelTables({})
@ProcessingGroup(MessageErasure.PROCESSING_GROUP)
public class MessageErasure {

    static final String PROCESSING_GROUP = "communication-erasure";

    private final JdbcTemplate jdbc;

    MessageErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatientErased event) {
        MessageStore.erase(jdbc, event.patientId().value());
    }

    /** Nothing to clear: the messages are not rebuilt from events, and a replay erases again harmlessly. */
    @ResetHandler
    void reset() {}

    /** For {@code ErasureReconciliation}: the same scrub after a restored backup. */
    public static int scrub(JdbcTemplate jdbc, java.util.UUID patientId) {
        return MessageStore.erase(jdbc, patientId);
    }
}
