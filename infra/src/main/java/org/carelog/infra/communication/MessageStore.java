package org.carelog.infra.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageDecision;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.MessageStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code communication_message}. Every change of state is one conditional UPDATE (on the state it
 * leaves), so a worker, the reconciliation and a delivery report never overwrite each other's later answer.
 */
final class MessageStore {

    /** A message to insert. */
    record NewMessage(
            UUID messageId,
            String deduplicationKey,
            UUID patientId,
            MessageKind kind,
            MessageChannel channel,
            String language,
            MessageStatus status,
            MessageDecision decision,
            byte[] content,
            byte[] display,
            boolean hasSecret,
            SmsSegments.Count count,
            Instant nextAttemptAt,
            Instant expiresAt,
            UUID resendOf,
            String requestedBy) {}

    /** A message claimed for sending. */
    record Claimed(
            UUID messageId,
            UUID patientId,
            MessageKind kind,
            MessageChannel channel,
            byte[] content,
            int attempts,
            Instant expiresAt) {}

    /** A stored message, as read for staff and for a resend. */
    record Stored(
            UUID messageId,
            String deduplicationKey,
            UUID patientId,
            MessageKind kind,
            MessageChannel channel,
            String language,
            MessageStatus status,
            MessageDecision decision,
            byte[] content,
            byte[] display,
            boolean hasSecret,
            Integer segments,
            int attempts,
            String gatewayMessageId,
            String gatewayAnswer,
            UUID resendOf,
            String requestedBy,
            Instant createdAt,
            Instant sentAt,
            Instant deliveredAt,
            Instant failedAt) {}

    private static final String COLUMNS = "message_id, deduplication_key, patient_id, kind, channel, language,"
            + " status, decision, content, display, has_secret, segments, attempts, gateway_message_id,"
            + " gateway_answer, resend_of, requested_by, created_at, sent_at, delivered_at, failed_at";

    private static final String APPOINTMENT_REMINDER_KEY = "appointment-reminder:";

    private final JdbcTemplate jdbc;

    MessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> idOf(String deduplicationKey) {
        return jdbc
                .query(
                        "select message_id from communication_message where deduplication_key = ?",
                        (rs, i) -> rs.getObject(1, UUID.class),
                        deduplicationKey)
                .stream()
                .findFirst();
    }

    /** Inserts the message unless its key exists; the id of the message holding the key either way. */
    UUID insert(NewMessage m, Instant now) {
        jdbc.update(
                "insert into communication_message (message_id, deduplication_key, patient_id, kind, channel,"
                        + " language, status, decision, content, display, has_secret, encoding, segments,"
                        + " next_attempt_at, expires_at, resend_of, requested_by, created_at, updated_at,"
                        + " failed_at, appointment_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?) on conflict (deduplication_key) do nothing",
                m.messageId(),
                m.deduplicationKey(),
                m.patientId(),
                m.kind().name(),
                m.channel() == null ? null : m.channel().name(),
                m.language(),
                m.status().name(),
                m.decision().name(),
                m.content(),
                m.display(),
                m.hasSecret(),
                m.count() == null ? null : m.count().encoding().name(),
                m.count() == null ? null : m.count().parts(),
                ts(m.nextAttemptAt()),
                ts(m.expiresAt()),
                m.resendOf(),
                m.requestedBy(),
                ts(now),
                ts(now),
                m.status() == MessageStatus.EXPIRED ? ts(now) : null,
                appointmentOf(m.kind(), m.deduplicationKey()));
        return idOf(m.deduplicationKey()).orElseThrow();
    }

    /**
     * The appointment an appointment reminder is for, read once from its key
     * ({@code appointment-reminder:<appointment>:<offset>}, AppointmentReminders) and kept in its own indexed column, so
     * the communication report joins messages to appointments without matching keys; null for any other message.
     */
    static UUID appointmentOf(MessageKind kind, String deduplicationKey) {
        if (kind != MessageKind.APPOINTMENT_REMINDER || !deduplicationKey.startsWith(APPOINTMENT_REMINDER_KEY)) {
            return null;
        }
        String rest = deduplicationKey.substring(APPOINTMENT_REMINDER_KEY.length());
        int end = rest.indexOf(':');
        try {
            return UUID.fromString(end < 0 ? rest : rest.substring(0, end));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /**
     * Claims up to {@code limit} due messages for this worker: each becomes SENDING with one more attempt, committed
     * before any gateway call. {@code claimed_at} is the database's own time, so the lease that reconciliation
     * checks does not depend on any process's clock. Concurrent workers skip each other's rows.
     */
    List<Claimed> claim(Instant now, int limit) {
        return jdbc.query(
                "update communication_message m set status = 'SENDING', attempts = m.attempts + 1,"
                        + " claimed_at = clock_timestamp(), updated_at = ?"
                        + " where m.message_id in (select message_id from communication_message"
                        + " where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at limit ?"
                        + " for update skip locked)"
                        + " returning m.message_id, m.patient_id, m.kind, m.channel, m.content, m.attempts,"
                        + " m.expires_at",
                (rs, i) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        MessageKind.valueOf(rs.getString(3)),
                        MessageChannel.valueOf(rs.getString(4)),
                        rs.getBytes(5),
                        rs.getInt(6),
                        instant(rs, 7)),
                ts(now),
                ts(now),
                limit);
    }

    boolean sent(UUID id, String gatewayMessageId, String answer, Instant now) {
        return jdbc.update(
                        "update communication_message set status = 'SENT', gateway_message_id = ?, gateway_answer = ?,"
                                + " sent_at = ?, updated_at = ?, content = case when has_secret then null else content"
                                + " end where message_id = ? and status = 'SENDING'",
                        gatewayMessageId,
                        answer,
                        ts(now),
                        ts(now),
                        id)
                == 1;
    }

    boolean retry(UUID id, Instant next, String answer, Instant now) {
        return jdbc.update(
                        "update communication_message set status = 'QUEUED', next_attempt_at = ?, gateway_answer = ?,"
                                + " updated_at = ? where message_id = ? and status = 'SENDING'",
                        ts(next),
                        answer,
                        ts(now),
                        id)
                == 1;
    }

    boolean failed(UUID id, String answer, Instant now) {
        return jdbc.update(
                        "update communication_message set status = 'FAILED', gateway_answer = ?, failed_at = ?,"
                                + " updated_at = ?, content = case when has_secret then null else content end"
                                + " where message_id = ? and status in ('SENDING', 'SENT')",
                        answer,
                        ts(now),
                        ts(now),
                        id)
                == 1;
    }

    boolean expired(UUID id, Instant now) {
        return jdbc.update(
                        "update communication_message set status = 'EXPIRED', failed_at = ?, updated_at = ?,"
                                + " content = null where message_id = ? and status = 'SENDING'",
                        ts(now),
                        ts(now),
                        id)
                == 1;
    }

    /** A reminder still waiting is withdrawn; one already sent stays as it was. */
    int withdraw(String deduplicationKey, Instant now) {
        return jdbc.update(
                "update communication_message set status = 'WITHDRAWN', updated_at = ?, content = null"
                        + " where deduplication_key = ? and status = 'QUEUED'",
                ts(now),
                deduplicationKey);
    }

    /** A delivery report or poll: SENT becomes DELIVERED or FAILED (a later report does not undo a delivery). */
    boolean delivery(UUID id, boolean delivered, String answer, Instant now) {
        return jdbc.update(
                        delivered
                                ? "update communication_message set status = 'DELIVERED', delivered_at = ?,"
                                        + " updated_at = ?, gateway_answer = ? where message_id = ?"
                                        + " and status in ('SENT', 'SENDING')"
                                : "update communication_message set status = 'FAILED', failed_at = ?,"
                                        + " updated_at = ?, gateway_answer = ? where message_id = ?"
                                        + " and status in ('SENT', 'SENDING')",
                        ts(now),
                        ts(now),
                        answer,
                        id)
                == 1;
    }

    Optional<UUID> byGatewayId(String gatewayMessageId) {
        return jdbc
                .query(
                        "select message_id from communication_message where gateway_message_id = ?",
                        (rs, i) -> rs.getObject(1, UUID.class),
                        gatewayMessageId)
                .stream()
                .findFirst();
    }

    /** Messages claimed longer ago than the lease (by database time) whose sender never answered. */
    List<Claimed> staleSending(Duration lease) {
        return jdbc.query(
                "select message_id, patient_id, kind, channel, content, attempts, expires_at"
                        + " from communication_message where status = 'SENDING'"
                        + " and claimed_at < clock_timestamp() - ? * interval '1 millisecond'",
                (rs, i) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        MessageKind.valueOf(rs.getString(3)),
                        MessageChannel.valueOf(rs.getString(4)),
                        rs.getBytes(5),
                        rs.getInt(6),
                        instant(rs, 7)),
                lease.toMillis());
    }

    boolean requeue(UUID id, Instant now) {
        return jdbc.update(
                        "update communication_message set status = 'QUEUED', next_attempt_at = ?, updated_at = ?"
                                + " where message_id = ? and status = 'SENDING'",
                        ts(now),
                        ts(now),
                        id)
                == 1;
    }

    /** SMS accepted by the gateway but not yet reported delivered, oldest first. */
    List<UUID> undelivered(Instant since, int limit) {
        return jdbc.query(
                "select message_id from communication_message where status = 'SENT' and channel = 'SMS'"
                        + " and sent_at >= ? order by sent_at limit ?",
                (rs, i) -> rs.getObject(1, UUID.class),
                ts(since),
                limit);
    }

    Optional<Stored> find(UUID id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from communication_message where message_id = ?",
                        MessageStore::stored,
                        id)
                .stream()
                .findFirst();
    }

    List<Stored> ofPatient(UUID patientId, Instant before, UUID beforeId, int limit) {
        if (before == null) {
            return jdbc.query(
                    "select " + COLUMNS + " from communication_message where patient_id = ?"
                            + " order by created_at desc, message_id desc limit ?",
                    MessageStore::stored,
                    patientId,
                    limit);
        }
        return jdbc.query(
                "select " + COLUMNS + " from communication_message where patient_id = ?"
                        + " and (created_at, message_id) < (?, ?) order by created_at desc, message_id desc limit ?",
                MessageStore::stored,
                patientId,
                ts(before),
                beforeId,
                limit);
    }

    /** Erasure: the texts go (they were encrypted with the destroyed key anyway), waiting messages are withdrawn. */
    static int erase(JdbcTemplate jdbc, UUID patientId) {
        return jdbc.update(
                "update communication_message set content = null, display = null,"
                        + " status = case when status = 'QUEUED' then 'WITHDRAWN' else status end"
                        + " where patient_id = ? and (content is not null or display is not null or status = 'QUEUED')",
                patientId);
    }

    private static Stored stored(ResultSet rs, int i) throws SQLException {
        String channel = rs.getString("channel");
        return new Stored(
                rs.getObject("message_id", UUID.class),
                rs.getString("deduplication_key"),
                rs.getObject("patient_id", UUID.class),
                MessageKind.valueOf(rs.getString("kind")),
                channel == null ? null : MessageChannel.valueOf(channel),
                rs.getString("language"),
                MessageStatus.valueOf(rs.getString("status")),
                MessageDecision.valueOf(rs.getString("decision")),
                rs.getBytes("content"),
                rs.getBytes("display"),
                rs.getBoolean("has_secret"),
                (Integer) rs.getObject("segments"),
                rs.getInt("attempts"),
                rs.getString("gateway_message_id"),
                rs.getString("gateway_answer"),
                rs.getObject("resend_of", UUID.class),
                rs.getString("requested_by"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "delivered_at"),
                instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
