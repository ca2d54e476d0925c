package org.carelog.projection.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversations read model: each conversation's {@link ConversationView} and its {@link MessageView}s.
 * Written in batches by the projector; read by the chart, the portal and the care team's lists. Implemented in
 * infra over tables {@code conversation_view} and {@code conversation_message}.
 */
public interface ConversationStore {

    Optional<ConversationView> find(UUID conversationId);

    /** A patient's conversations, latest message first. */
    List<ConversationView> ofPatient(UUID patientId);

    /** A department's conversations in this status (OPEN or CLOSED; any when null), latest message first. */
    List<ConversationView> ofDepartment(UUID departmentId, String status, int limit);

    /** The messages of these conversations, each list in order. */
    Map<UUID, List<MessageView>> messages(Collection<UUID> conversationIds);

    /** The stored views of these conversations (those that exist). */
    Map<UUID, ConversationView> load(Collection<UUID> conversationIds);

    /** Inserts or replaces these conversations and inserts these messages (a message already stored stays). */
    void save(Collection<ConversationView> conversations, Collection<MessageView> messages);

    /** Scrubs the patient's subjects, texts and file names, as a replay shows them once the key is gone. */
    void erase(UUID patientId);

    void deleteAll();
}
