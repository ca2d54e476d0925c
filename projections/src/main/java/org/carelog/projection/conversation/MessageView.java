package org.carelog.projection.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.conversation.Author;

/**
 * One message of a conversation; never changes once written (read receipts are the conversation's). Text and
 * file names are null once the patient is erased.
 */
public record MessageView(
        UUID messageId,
        UUID conversationId,
        UUID patientId,
        int number,
        Author author,
        String authorUsername,
        String authorRole,
        String text,
        List<AttachmentView> attachments,
        Instant sentAt) {

    public MessageView {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file attached to the message. */
    public record AttachmentView(UUID attachmentId, String contentType, long size, String sha256, String fileName) {}
}
