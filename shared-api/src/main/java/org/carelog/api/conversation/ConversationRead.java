package org.carelog.api.conversation;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** A read receipt: one side has read the conversation's messages up to number {@code upTo}. */
@Revision("1")
public record ConversationRead(@DataSubject PatientId patientId, ConversationId conversationId, Author reader, int upTo)
        implements ConversationEvent {}
