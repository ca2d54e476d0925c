package org.carelog.api.conversation;

import org.carelog.api.clinical.PatientRecordEvent;

/** An event of one secure-message conversation; part of the patient's record. */
public interface ConversationEvent extends PatientRecordEvent {

    ConversationId conversationId();
}
