package org.carelog.projection.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.conversation.ConversationEvent;
import org.carelog.api.conversation.ConversationStarted;
import org.carelog.api.conversation.MessageSent;
import org.carelog.api.patient.PatientErased;
import org.springframework.stereotype.Component;

/**
 * Builds the conversations read model with {@link ConversationFold}. The conversations a batch touches are read
 * once, folded in memory and written back with the batch's new messages in one JDBC batch before the batch
 * commits (with its tracking token). Idempotent: a redelivered batch starts again from the rows as they were
 * before it, and a message already stored is not written twice.
 */
@Component
@ReadModelTables({"conversation_view", "conversation_message"})
@ProcessingGroup(ConversationProjector.PROCESSING_GROUP)
class ConversationProjector {

    static final String PROCESSING_GROUP = "conversations";

    private static final String BATCH = ConversationProjector.class.getName() + ".batch";

    private final ConversationStore store;

    ConversationProjector(ConversationStore store) {
        this.store = store;
    }

    /** What a batch changed. */
    private record Changes(Map<UUID, ConversationView> conversations, List<MessageView> messages) {}

    @EventHandler
    void on(
            ConversationEvent event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        Changes batch = batch();
        UUID id = event.conversationId().value();
        ConversationView current = batch.conversations().get(id);
        if (current == null && !(event instanceof ConversationStarted)) {
            current = store.load(List.of(id)).get(id);
        }
        batch.conversations().put(id, ConversationFold.apply(current, event, at));
        if (event instanceof MessageSent sent) {
            batch.messages().add(ConversationFold.message(sent, at, username, role));
        }
        if (!CurrentUnitOfWork.isStarted()) {
            store.save(batch.conversations().values(), batch.messages());
        }
    }

    @EventHandler
    void on(PatientErased event) {
        Changes batch = batch();
        // What this batch holds is written first, then scrubbed with the rest.
        store.save(batch.conversations().values(), batch.messages());
        batch.conversations().clear();
        batch.messages().clear();
        store.erase(event.patientId().value());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private Changes batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Changes(new HashMap<>(), new ArrayList<>());
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Changes changed = new Changes(new LinkedHashMap<>(), new ArrayList<>());
            root.onPrepareCommit(u -> store.save(changed.conversations().values(), changed.messages()));
            return changed;
        });
    }
}
