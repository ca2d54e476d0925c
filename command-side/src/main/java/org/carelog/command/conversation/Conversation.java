package org.carelog.command.conversation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.conversation.AssignConversation;
import org.carelog.api.conversation.Attachment;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.Author;
import org.carelog.api.conversation.CloseConversation;
import org.carelog.api.conversation.ConversationAssigned;
import org.carelog.api.conversation.ConversationClosed;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.conversation.ConversationRead;
import org.carelog.api.conversation.ConversationStarted;
import org.carelog.api.conversation.MarkConversationRead;
import org.carelog.api.conversation.MessageSent;
import org.carelog.api.conversation.SendMessage;
import org.carelog.api.conversation.StartConversation;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.conversation.ConversationDirectory.UploadedAttachment;

/**
 * A secure-message conversation of one patient with one care team (a department): its messages in order,
 * what each side has read, who answers it, whether it is closed. A patient reaches only their own
 * conversations: any other answers exactly as an id that does not exist. Its state holds no message text. Kept
 * in a cache between commands: a busy conversation is not replayed (and its texts decrypted) on every message.
 */
@Aggregate(cache = "conversationCache")
class Conversation {

    static final int SUBJECT_LENGTH = 200;
    static final int TEXT_LENGTH = 5000;
    static final int MAX_ATTACHMENTS = 5;

    @AggregateIdentifier
    private ConversationId conversationId;

    private PatientId patientId;
    private int messages;
    private boolean closed;
    private PractitionerId assignedTo;
    private final Map<Author, Integer> readUpTo = new java.util.EnumMap<>(Author.class);
    private final Set<UUID> messageIds = new HashSet<>();
    private final Set<UUID> attached = new HashSet<>();

    Conversation() {
        // for Axon
    }

    @CommandHandler
    Conversation(
            StartConversation command, ConversationDirectory directory, @MetaDataValue(MetadataKeys.ROLE) String role) {
        Violations violations = new Violations();
        if (command.patientId() == null) {
            violations.reject("patientId", "is required");
        }
        if (command.departmentId() == null) {
            violations.reject("departmentId", "is required");
        }
        String subject = Text.clean(command.subject());
        if (subject == null) {
            violations.reject("subject", "is required");
        } else if (subject.length() > SUBJECT_LENGTH) {
            violations.reject("subject", "is longer than " + SUBJECT_LENGTH + " characters");
        }
        String text = text(command.text(), violations);
        if (text == null) {
            violations.reject("text", "is required");
        }
        if (command.author() == null) {
            violations.reject("author", "is required");
        }
        violations.throwIfAny();
        if (Role.PATIENT.name().equals(role) && command.author() != Author.PATIENT) {
            throw new CarelogException(
                    new CarelogError(ErrorCode.FORBIDDEN, "A patient writes as the patient", null, null));
        }
        if (!directory.patientRegistered(command.patientId())) {
            throw CarelogException.notFound("No registered patient " + command.patientId());
        }
        if (!directory.departmentExists(command.departmentId())) {
            throw CarelogException.notFound("No department " + command.departmentId());
        }
        apply(new ConversationStarted(
                command.patientId(), command.conversationId(), command.departmentId(), subject, command.author()));
        apply(new MessageSent(
                command.patientId(),
                command.conversationId(),
                command.firstMessageId(),
                1,
                command.author(),
                text,
                List.of(),
                List.of()));
    }

    @CommandHandler
    int handle(SendMessage command, ConversationDirectory directory, @MetaDataValue(MetadataKeys.ROLE) String role) {
        Author author = sideOf(command.actingPatient(), role);
        if (command.messageId() != null
                && messageIds.contains(command.messageId().value())) {
            return messages; // a retried send: the first result comes from the idempotency store
        }
        if (closed) {
            throw CarelogException.conflict("The conversation is closed: start a new one", Map.of("status", "CLOSED"));
        }
        Violations violations = new Violations();
        String text = text(command.text(), violations);
        List<AttachmentId> wanted = command.attachments() == null ? List.of() : command.attachments();
        if (text == null && wanted.isEmpty()) {
            violations.reject("text", "write a message or attach a file");
        }
        if (new LinkedHashSet<>(wanted).size() > MAX_ATTACHMENTS) {
            violations.reject("attachments", "at most " + MAX_ATTACHMENTS + " files per message");
        }
        violations.throwIfAny();
        List<Attachment> attachments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AttachmentId id : new LinkedHashSet<>(wanted)) {
            UploadedAttachment file = directory
                    .attachment(id)
                    .filter(a -> a.conversationId().equals(conversationId))
                    .filter(a -> !attached.contains(a.attachmentId().value()))
                    .orElseThrow(() -> CarelogException.validation(
                            "attachments", "is not a file uploaded to this conversation and not yet sent: " + id));
            attachments.add(new Attachment(id, file.contentType(), file.size(), file.sha256()));
            names.add(file.fileName());
        }
        apply(new MessageSent(
                patientId, conversationId, command.messageId(), messages + 1, author, text, attachments, names));
        return messages;
    }

    @CommandHandler
    void handle(MarkConversationRead command, @MetaDataValue(MetadataKeys.ROLE) String role) {
        Author reader = sideOf(command.actingPatient(), role);
        int upTo = command.upTo() == null ? messages : command.upTo();
        if (upTo < 1 || upTo > messages) {
            throw CarelogException.validation("upTo", "must be between 1 and " + messages);
        }
        if (upTo <= readUpTo.getOrDefault(reader, 0)) {
            return;
        }
        apply(new ConversationRead(patientId, conversationId, reader, upTo));
    }

    @CommandHandler
    void handle(AssignConversation command, ConversationDirectory directory) {
        if (command.practitionerId() == null) {
            throw CarelogException.validation("practitionerId", "is required");
        }
        if (command.practitionerId().equals(assignedTo)) {
            return;
        }
        if (closed) {
            throw CarelogException.conflict("The conversation is closed", Map.of("status", "CLOSED"));
        }
        if (!directory.practitionerExists(command.practitionerId())) {
            throw CarelogException.notFound("No practitioner " + command.practitionerId());
        }
        apply(new ConversationAssigned(patientId, conversationId, command.practitionerId()));
    }

    @CommandHandler
    void handle(CloseConversation command) {
        if (closed) {
            return;
        }
        apply(new ConversationClosed(patientId, conversationId));
    }

    /**
     * The side acting: a signed-in patient only on their own conversation (any other is answered as if it did
     * not exist, with the same words as a missing one), the care team otherwise.
     */
    private Author sideOf(PatientId actingPatient, String role) {
        if (actingPatient != null || Role.PATIENT.name().equals(role)) {
            if (actingPatient == null || !actingPatient.equals(patientId)) {
                throw CarelogException.notFound("No record with id " + conversationId);
            }
            return Author.PATIENT;
        }
        return Author.CARE_TEAM;
    }

    private static String text(String raw, Violations violations) {
        String text = raw == null || raw.isBlank() ? null : raw.strip();
        if (text != null && text.length() > TEXT_LENGTH) {
            violations.reject("text", "is longer than " + TEXT_LENGTH + " characters");
        }
        return text;
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        conversationId = event.conversationId();
        patientId = event.patientId();
    }

    @EventSourcingHandler
    void on(MessageSent event) {
        messages = event.number();
        messageIds.add(event.messageId().value());
        event.attachments().forEach(a -> attached.add(a.attachmentId().value()));
        // Writing is reading what came before.
        readUpTo.merge(event.author(), event.number(), Math::max);
    }

    @EventSourcingHandler
    void on(ConversationRead event) {
        readUpTo.merge(event.reader(), event.upTo(), Math::max);
    }

    @EventSourcingHandler
    void on(ConversationAssigned event) {
        assignedTo = event.practitionerId();
    }

    @EventSourcingHandler
    void on(ConversationClosed event) {
        closed = true;
    }
}
