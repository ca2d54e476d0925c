package org.carelog.api.conversation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;

/**
 * Opens a conversation of a patient with a department's care team, with its first message.
 *
 * @param author the side that opens it: a patient (signed in as {@code patientId}) or a clinician
 */
public record StartConversation(
        @TargetAggregateIdentifier ConversationId conversationId,
        PatientId patientId,
        DepartmentId departmentId,
        String subject,
        MessageId firstMessageId,
        String text,
        Author author) {}
