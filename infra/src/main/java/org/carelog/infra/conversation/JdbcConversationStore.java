package org.carelog.infra.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.conversation.Author;
import org.carelog.projection.conversation.ConversationStore;
import org.carelog.projection.conversation.ConversationView;
import org.carelog.projection.conversation.MessageView;
import org.carelog.projection.conversation.MessageView.AttachmentView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The conversations read model in tables {@code conversation_view} and {@code conversation_message}. */
@Component
class JdbcConversationStore implements ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AttachmentView>> ATTACHMENTS = new TypeReference<>() {};
    private static final String COLUMNS = "conversation_id, patient_id, department_id, subject, started_by, status,"
            + " assigned_practitioner_id, message_count, patient_read_up_to, care_team_read_up_to, started_at,"
            + " last_message_at, closed_at";
    private static final String MESSAGE_COLUMNS = "message_id, conversation_id, patient_id, number, author,"
            + " author_username, author_role, text, attachments, sent_at";

    private final JdbcTemplate jdbc;

    JdbcConversationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ConversationView> find(UUID conversationId) {
        return jdbc
                .query("select " + COLUMNS + " from conversation_view where conversation_id = ?", VIEW, conversationId)
                .stream()
                .findFirst();
    }

    @Override
    public List<ConversationView> ofPatient(UUID patientId) {
        return jdbc.query(
                "select " + COLUMNS + " from conversation_view where patient_id = ?"
                        + " order by last_message_at desc, conversation_id",
                VIEW,
                patientId);
    }

    @Override
    public List<ConversationView> ofDepartment(UUID departmentId, String status, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from conversation_view where department_id = ?"
                        + " and (?::text is null or status = ?) order by last_message_at desc, conversation_id limit ?",
                VIEW,
                departmentId,
                status,
                status,
                limit);
    }

    @Override
    public Map<UUID, List<MessageView>> messages(Collection<UUID> conversationIds) {
        Map<UUID, List<MessageView>> byConversation = new LinkedHashMap<>();
        if (conversationIds.isEmpty()) {
            return byConversation;
        }
        jdbc.query(
                        "select " + MESSAGE_COLUMNS + " from conversation_message where conversation_id = any(?)"
                                + " order by conversation_id, number",
                        MESSAGE,
                        (Object) conversationIds.toArray(UUID[]::new))
                .forEach(m -> byConversation
                        .computeIfAbsent(m.conversationId(), k -> new ArrayList<>())
                        .add(m));
        return byConversation;
    }

    @Override
    public Map<UUID, ConversationView> load(Collection<UUID> conversationIds) {
        Map<UUID, ConversationView> found = new LinkedHashMap<>();
        if (!conversationIds.isEmpty()) {
            jdbc.query("select " + COLUMNS + " from conversation_view where conversation_id = any(?)", VIEW, (Object)
                            conversationIds.toArray(UUID[]::new))
                    .forEach(v -> found.put(v.conversationId(), v));
        }
        return found;
    }

    @Override
    public void save(Collection<ConversationView> conversations, Collection<MessageView> messages) {
        if (!conversations.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into conversation_view (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (conversation_id) do update set subject = excluded.subject,"
                            + " status = excluded.status, assigned_practitioner_id = excluded.assigned_practitioner_id,"
                            + " message_count = excluded.message_count,"
                            + " patient_read_up_to = excluded.patient_read_up_to,"
                            + " care_team_read_up_to = excluded.care_team_read_up_to,"
                            + " last_message_at = excluded.last_message_at, closed_at = excluded.closed_at",
                    new ArrayList<>(conversations),
                    500,
                    (ps, v) -> {
                        ps.setObject(1, v.conversationId());
                        ps.setObject(2, v.patientId());
                        ps.setObject(3, v.departmentId());
                        ps.setString(4, v.subject());
                        ps.setString(5, v.startedBy().name());
                        ps.setString(6, v.status());
                        ps.setObject(7, v.assignedPractitionerId(), Types.OTHER);
                        ps.setInt(8, v.messageCount());
                        ps.setInt(9, v.patientReadUpTo());
                        ps.setInt(10, v.careTeamReadUpTo());
                        ps.setTimestamp(11, Timestamp.from(v.startedAt()));
                        ps.setTimestamp(12, Timestamp.from(v.lastMessageAt()));
                        ps.setTimestamp(13, v.closedAt() == null ? null : Timestamp.from(v.closedAt()));
                    });
        }
        if (!messages.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into conversation_message (" + MESSAGE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (message_id) do nothing",
                    new ArrayList<>(messages),
                    500,
                    (ps, m) -> {
                        ps.setObject(1, m.messageId());
                        ps.setObject(2, m.conversationId());
                        ps.setObject(3, m.patientId());
                        ps.setInt(4, m.number());
                        ps.setString(5, m.author().name());
                        ps.setString(6, m.authorUsername());
                        ps.setString(7, m.authorRole());
                        ps.setString(8, m.text());
                        ps.setString(9, json(m.attachments()));
                        ps.setTimestamp(10, Timestamp.from(m.sentAt()));
                    });
        }
    }

    @Override
    public void erase(UUID patientId) {
        jdbc.update("update conversation_view set subject = null where patient_id = ?", patientId);
        jdbc.update(
                "update conversation_message set text = null, attachments = coalesce((select jsonb_agg(a - 'fileName'"
                        + " || jsonb_build_object('fileName', null)) from jsonb_array_elements(attachments::jsonb) a),"
                        + " '[]'::jsonb)::text where patient_id = ?",
                patientId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("delete from conversation_message");
        jdbc.update("delete from conversation_view");
    }

    private static final RowMapper<ConversationView> VIEW = (rs, i) -> new ConversationView(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class),
            rs.getString(4),
            Author.valueOf(rs.getString(5)),
            rs.getString(6),
            rs.getObject(7, UUID.class),
            rs.getInt(8),
            rs.getInt(9),
            rs.getInt(10),
            instant(rs, 11),
            instant(rs, 12),
            instant(rs, 13));

    private static final RowMapper<MessageView> MESSAGE = (rs, i) -> new MessageView(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class),
            rs.getInt(4),
            Author.valueOf(rs.getString(5)),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            attachments(rs.getString(9)),
            instant(rs, 10));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String json(List<AttachmentView> attachments) {
        try {
            return JSON.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AttachmentView> attachments(String json) {
        try {
            return JSON.readValue(json, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
