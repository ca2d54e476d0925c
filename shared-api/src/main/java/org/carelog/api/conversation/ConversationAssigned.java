package org.carelog.api.conversation;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** The conversation was given to a clinician of the care team to answer. */
@Revision("1")
public record ConversationAssigned(
        @DataSubject PatientId patientId, ConversationId conversationId, PractitionerId practitionerId)
        implements ConversationEvent {}
