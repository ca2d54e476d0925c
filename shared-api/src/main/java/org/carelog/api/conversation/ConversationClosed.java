package org.carelog.api.conversation;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The care team closed the conversation: no more messages; the patient starts a new one. */
@Revision("1")
public record ConversationClosed(@DataSubject PatientId patientId, ConversationId conversationId)
        implements ConversationEvent {}
