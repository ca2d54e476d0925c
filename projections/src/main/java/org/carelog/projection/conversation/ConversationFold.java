package org.carelog.projection.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.conversation.Attachment;
import org.carelog.api.conversation.ConversationAssigned;
import org.carelog.api.conversation.ConversationClosed;
import org.carelog.api.conversation.ConversationEvent;
import org.carelog.api.conversation.ConversationRead;
import org.carelog.api.conversation.ConversationStarted;
import org.carelog.api.conversation.MessageSent;
import org.carelog.projection.conversation.MessageView.AttachmentView;

/**
 * The one rule that turns a conversation's events into its {@link ConversationView} and {@link MessageView}s:
 * the live projector applies it event by event, and a chart reconstructed {@code asOf} an instant applies it to
 * the events stored until then. Pure: no clock, no storage.
 */
public final class ConversationFold {

    public static final Comparator<ConversationView> LATEST_FIRST = Comparator.comparing(
                    ConversationView::lastMessageAt)
            .reversed()
            .thenComparing(ConversationView::conversationId);

    private ConversationFold() {}

    /** The conversation after one more event; {@code current} is null before its {@link ConversationStarted}. */
    public static ConversationView apply(ConversationView current, ConversationEvent event, Instant at) {
        if (event instanceof ConversationStarted e) {
            return new ConversationView(
                    e.conversationId().value(),
                    e.patientId().value(),
                    e.departmentId().value(),
                    e.subject(),
                    e.startedBy(),
                    ConversationView.OPEN,
                    null,
                    0,
                    0,
                    0,
                    at,
                    at,
                    null);
        }
        if (current == null) {
            throw new IllegalStateException(
                    "conversation " + event.conversationId() + " has events before it was started");
        }
        if (event instanceof MessageSent e) {
            return current.withMessage(e.number(), e.author(), at);
        }
        if (event instanceof ConversationRead e) {
            return current.read(e.reader(), e.upTo());
        }
        if (event instanceof ConversationAssigned e) {
            return current.assigned(e.practitionerId().value());
        }
        if (event instanceof ConversationClosed) {
            return current.closed(at);
        }
        return current;
    }

    /** The message a {@link MessageSent} adds. */
    public static MessageView message(MessageSent e, Instant at, String username, String role) {
        List<AttachmentView> attachments = new ArrayList<>();
        List<String> names = e.fileNames();
        for (int i = 0; i < e.attachments().size(); i++) {
            Attachment a = e.attachments().get(i);
            String name = names == null || i >= names.size() ? null : names.get(i);
            attachments.add(new AttachmentView(a.attachmentId().value(), a.contentType(), a.size(), a.sha256(), name));
        }
        return new MessageView(
                e.messageId().value(),
                e.conversationId().value(),
                e.patientId().value(),
                e.number(),
                e.author(),
                username,
                role,
                e.text(),
                attachments,
                at);
    }

    /** A patient's conversations from their record's events (in store order), latest first. */
    public static List<ConversationThread> fold(Collection<RecordedEvent> events) {
        Map<UUID, ConversationView> conversations = new LinkedHashMap<>();
        Map<UUID, List<MessageView>> messages = new LinkedHashMap<>();
        events.stream()
                .sorted(Comparator.comparingLong(RecordedEvent::globalIndex))
                .forEach(recorded -> {
                    if (recorded.payload() instanceof ConversationEvent event) {
                        UUID id = event.conversationId().value();
                        conversations.put(id, apply(conversations.get(id), event, recorded.at()));
                        if (event instanceof MessageSent sent) {
                            messages.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(message(sent, recorded.at(), recorded.username(), recorded.role()));
                        }
                    }
                });
        return conversations.values().stream()
                .sorted(LATEST_FIRST)
                .map(c -> new ConversationThread(c, messages.getOrDefault(c.conversationId(), List.of())))
                .toList();
    }
}
