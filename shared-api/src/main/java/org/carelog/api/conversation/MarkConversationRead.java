package org.carelog.api.conversation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/**
 * Records that one side read the conversation up to message {@code upTo} (all of it when null).
 *
 * @param actingPatient the signed-in patient, or null for the care team
 */
public record MarkConversationRead(
        @TargetAggregateIdentifier ConversationId conversationId, Integer upTo, PatientId actingPatient) {}
