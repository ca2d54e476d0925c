package org.carelog.api.conversation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/**
 * Adds a message to an open conversation.
 *
 * @param actingPatient the signed-in patient sending it (from the sign-in, never from the request), or null
 *     when a clinician sends it; a conversation of another patient is answered as if it did not exist
 * @param attachments files uploaded to this conversation and not yet attached to a message
 */
public record SendMessage(
        @TargetAggregateIdentifier ConversationId conversationId,
        MessageId messageId,
        String text,
        List<AttachmentId> attachments,
        PatientId actingPatient) {}
