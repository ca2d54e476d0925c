package org.carelog.api.conversation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A message was added to a conversation. The author's user name and role are in the event's metadata.
 *
 * @param number its place in the conversation, from 1 (read receipts say "read up to number")
 * @param text the message (personal data; null once the patient is erased)
 * @param attachments the attached files' ids, types, sizes and digests
 * @param fileNames the attached files' names, in the order of {@code attachments} (personal data)
 */
@Revision("1")
public record MessageSent(
        @DataSubject PatientId patientId,
        ConversationId conversationId,
        MessageId messageId,
        int number,
        Author author,
        @PersonalData String text,
        List<Attachment> attachments,
        @PersonalData List<String> fileNames)
        implements ConversationEvent {

    public MessageSent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
