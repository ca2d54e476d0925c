package org.carelog.infra.communication;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.patient.PatientId;
import org.carelog.command.communication.ReminderOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Your turn is near": every few seconds, today's waiting tokens of registered patients whose predicted place in
 * line (the queue read model's {@code line_place}, from the queue's own calling rule) is within the configured
 * number of places and who have no such message yet. The key {@code turn-near:<token>} makes it once per token,
 * across restarts and processes; the decision (sent, or no consent) is recorded like any other. A message not sent
 * within an hour (quiet hours, outage) expires: it would be wrong by then.
 */
final class TurnNearWatcher {

    private static final Logger log = LoggerFactory.getLogger(TurnNearWatcher.class);
    static final Duration USEFUL_FOR = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final ReminderOutbox outbox;
    private final int places;
    private final Clock clock;

    TurnNearWatcher(JdbcTemplate jdbc, ReminderOutbox outbox, int places, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.places = places;
        this.clock = clock;
    }

    /** Queues the messages now due; how many. */
    int check() {
        if (places < 1) {
            return 0;
        }
        record Near(String tokenId, UUID patientId, String label) {}
        var near = jdbc.query(
                "select t.token_id, t.patient_id, t.label from queue_token t"
                        + " join patient_directory p on p.patient_id = t.patient_id and not p.erased"
                        + " where t.queue_date = ? and t.status = 'WAITING' and t.line_place is not null"
                        + " and t.line_place <= ? and not exists (select 1 from communication_message m"
                        + " where m.deduplication_key = 'turn-near:' || t.token_id)",
                (rs, i) -> new Near(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)),
                Date.valueOf(LocalDate.now(clock)),
                places);
        for (Near token : near) {
            outbox.queue(
                    new PatientMessageRequest(
                            "turn-near:" + token.tokenId(),
                            new PatientId(token.patientId()),
                            MessageKind.TURN_NEAR,
                            null,
                            Map.of("token", token.label()),
                            Set.of()),
                    clock.instant().plus(USEFUL_FOR));
        }
        return near.size();
    }

    void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking for tokens whose turn is near failed: {}", e.toString());
        }
    }
}
