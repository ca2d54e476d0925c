package org.carelog.api.conversation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/** Gives the conversation to a clinician (a practitioner) to answer. */
public record AssignConversation(
        @TargetAggregateIdentifier ConversationId conversationId, PractitionerId practitionerId) {}
