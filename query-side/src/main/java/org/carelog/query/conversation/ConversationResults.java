package org.carelog.query.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.conversation.Author;
import org.carelog.projection.conversation.ConversationThread;
import org.carelog.projection.conversation.ConversationView;
import org.carelog.projection.conversation.MessageView;

/** Conversations as the GraphQL schema shows them (types Conversation, Message, MessageAttachment). */
final class ConversationResults {

    private ConversationResults() {}

    record ConversationResult(
            String id,
            String patientId,
            String departmentId,
            String subject,
            Author startedBy,
            String status,
            String assignedPractitionerId,
            int messageCount,
            int patientReadUpTo,
            int careTeamReadUpTo,
            Instant startedAt,
            Instant lastMessageAt,
            Instant closedAt,
            List<MessageResult> messages) {}

    record MessageResult(
            String id,
            int number,
            Author author,
            String authorRole,
            String text,
            List<AttachmentResult> attachments,
            Instant sentAt,
            boolean readByPatient,
            boolean readByCareTeam) {}

    /** {@code url}: where the file is read ({@code GET}, signed in, access-logged). */
    record AttachmentResult(String id, String contentType, double size, String sha256, String fileName, String url) {}

    static ConversationResult of(ConversationThread thread) {
        return of(thread.conversation(), thread.messages());
    }

    static List<ConversationResult> of(List<ConversationView> views, Map<UUID, List<MessageView>> messages) {
        return views.stream()
                .map(v -> of(v, messages.getOrDefault(v.conversationId(), List.of())))
                .toList();
    }

    static ConversationResult of(ConversationView v, List<MessageView> messages) {
        return new ConversationResult(
                v.conversationId().toString(),
                v.patientId().toString(),
                v.departmentId().toString(),
                v.subject(),
                v.startedBy(),
                v.status(),
                v.assignedPractitionerId() == null
                        ? null
                        : v.assignedPractitionerId().toString(),
                v.messageCount(),
                v.patientReadUpTo(),
                v.careTeamReadUpTo(),
                v.startedAt(),
                v.lastMessageAt(),
                v.closedAt(),
                messages.stream()
                        .map(m -> new MessageResult(
                                m.messageId().toString(),
                                m.number(),
                                m.author(),
                                m.authorRole(),
                                m.text(),
                                m.attachments().stream()
                                        .map(a -> new AttachmentResult(
                                                a.attachmentId().toString(),
                                                a.contentType(),
                                                a.size(),
                                                a.sha256(),
                                                a.fileName(),
                                                "/attachments/" + a.attachmentId()))
                                        .toList(),
                                m.sentAt(),
                                m.number() <= v.patientReadUpTo(),
                                m.number() <= v.careTeamReadUpTo()))
                        .toList());
    }
}
