package org.carelog.command.conversation;

import graphql.schema.DataFetchingEnvironment;
import org.carelog.api.common.Violations;
import org.carelog.api.conversation.Author;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.conversation.MarkConversationRead;
import org.carelog.api.conversation.MessageId;
import org.carelog.api.conversation.StartConversation;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.command.conversation.ConversationMutations.ConversationActionInput;
import org.carelog.command.conversation.ConversationMutations.ConversationPayload;
import org.carelog.command.conversation.ConversationMutations.SendMessageInput;
import org.carelog.command.portal.CurrentPatient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Secure messages, the patient's side: the signed-in patient writes to a care team, replies and marks what they
 * read, only in their own conversations (the patient comes from the sign-in; another patient's conversation
 * answers as a missing one).
 */
@Controller
class MyConversationMutations {

    private final ConversationCommands sender;

    MyConversationMutations(ConversationCommands sender) {
        this.sender = sender;
    }

    record StartMyConversationInput(String idempotencyKey, String departmentId, String subject, String text) {}

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    ConversationPayload startMyConversation(@Argument StartMyConversationInput input, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        Violations violations = new Violations();
        DepartmentId department =
                violations.check("departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        violations.throwIfAny();
        ConversationId id = ConversationId.random();
        MessageId first = MessageId.random();
        sender.send(
                new StartConversation(id, me, department, input.subject(), first, input.text(), Author.PATIENT),
                input.idempotencyKey(),
                env);
        return new ConversationPayload(id.toString(), first.toString(), 1);
    }

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    ConversationPayload sendMyMessage(@Argument SendMessageInput input, DataFetchingEnvironment env) {
        return ConversationMutations.send(sender, input, CurrentPatient.require(), env);
    }

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    ConversationPayload markMyConversationRead(@Argument ConversationActionInput input, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        ConversationId id = ConversationId.parse("conversationId", input.conversationId());
        sender.send(new MarkConversationRead(id, input.upTo(), me), input.idempotencyKey(), env);
        return new ConversationPayload(id.toString(), null, null);
    }
}
