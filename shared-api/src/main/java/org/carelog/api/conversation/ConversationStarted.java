package org.carelog.api.conversation;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;

/**
 * A conversation between a patient and a care team (a department) was opened.
 *
 * @param subject what it is about, as written (personal data)
 * @param startedBy the side that opened it
 */
@Revision("1")
public record ConversationStarted(
        @DataSubject PatientId patientId,
        ConversationId conversationId,
        DepartmentId departmentId,
        @PersonalData String subject,
        Author startedBy)
        implements ConversationEvent {}
