package org.carelog.command.conversation;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.carelog.api.common.Violations;
import org.carelog.api.conversation.AssignConversation;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.Author;
import org.carelog.api.conversation.CloseConversation;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.conversation.MarkConversationRead;
import org.carelog.api.conversation.MessageId;
import org.carelog.api.conversation.SendMessage;
import org.carelog.api.conversation.StartConversation;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Secure messages, the care team's side: clinicians (doctors and nurses) open conversations with a patient,
 * reply, mark them read, assign them and close them. The patient's side is the portal's ({@code sendMyMessage}).
 */
@Controller
class ConversationMutations {

    static final String CLINICIANS = "hasAnyRole('DOCTOR', 'NURSE')";

    private final ConversationCommands sender;

    ConversationMutations(ConversationCommands sender) {
        this.sender = sender;
    }

    record StartConversationInput(
            String idempotencyKey, String patientId, String departmentId, String subject, String text) {}

    record SendMessageInput(
            String idempotencyKey, String conversationId, String messageId, String text, List<String> attachmentIds) {}

    record ConversationActionInput(String idempotencyKey, String conversationId, Integer upTo, String practitionerId) {}

    record ConversationPayload(String conversationId, String messageId, Integer number) {}

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ConversationPayload startConversation(@Argument StartConversationInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        DepartmentId department =
                violations.check("departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        violations.throwIfAny();
        ConversationId id = ConversationId.random();
        MessageId first = MessageId.random();
        sender.send(
                new StartConversation(id, patient, department, input.subject(), first, input.text(), Author.CARE_TEAM),
                input.idempotencyKey(),
                env);
        return new ConversationPayload(id.toString(), first.toString(), 1);
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ConversationPayload sendMessage(@Argument SendMessageInput input, DataFetchingEnvironment env) {
        return send(sender, input, null, env);
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ConversationPayload markConversationRead(@Argument ConversationActionInput input, DataFetchingEnvironment env) {
        ConversationId id = ConversationId.parse("conversationId", input.conversationId());
        sender.send(new MarkConversationRead(id, input.upTo(), null), input.idempotencyKey(), env);
        return new ConversationPayload(id.toString(), null, null);
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ConversationPayload assignConversation(@Argument ConversationActionInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        ConversationId id = violations.check(
                "conversationId", () -> ConversationId.parse("conversationId", input.conversationId()));
        PractitionerId practitioner = violations.check(
                "practitionerId", () -> PractitionerId.parse("practitionerId", input.practitionerId()));
        violations.throwIfAny();
        sender.send(new AssignConversation(id, practitioner), input.idempotencyKey(), env);
        return new ConversationPayload(id.toString(), null, null);
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ConversationPayload closeConversation(@Argument ConversationActionInput input, DataFetchingEnvironment env) {
        ConversationId id = ConversationId.parse("conversationId", input.conversationId());
        sender.send(new CloseConversation(id), input.idempotencyKey(), env);
        return new ConversationPayload(id.toString(), null, null);
    }

    /** Sends a message as the care team ({@code patient} null) or as the signed-in patient. */
    static ConversationPayload send(
            ConversationCommands sender, SendMessageInput input, PatientId patient, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        ConversationId id = violations.check(
                "conversationId", () -> ConversationId.parse("conversationId", input.conversationId()));
        MessageId message = input.messageId() == null
                ? MessageId.random()
                : violations.check("messageId", () -> MessageId.parse("messageId", input.messageId()));
        List<AttachmentId> attachments = input.attachmentIds() == null
                ? List.of()
                : violations.check("attachmentIds", () -> input.attachmentIds().stream()
                        .map(a -> AttachmentId.parse("attachmentIds", a))
                        .toList());
        violations.throwIfAny();
        Integer number = sender.send(
                new SendMessage(id, message, input.text(), attachments, patient), input.idempotencyKey(), env);
        return new ConversationPayload(id.toString(), message.toString(), number);
    }
}
