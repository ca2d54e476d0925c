package org.carelog.api.conversation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the conversation; the care team only. */
public record CloseConversation(@TargetAggregateIdentifier ConversationId conversationId) {}
