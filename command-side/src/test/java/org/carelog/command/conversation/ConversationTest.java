package org.carelog.command.conversation;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
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
import org.carelog.api.conversation.MessageId;
import org.carelog.api.conversation.MessageSent;
import org.carelog.api.conversation.SendMessage;
import org.carelog.api.conversation.StartConversation;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.conversation.ConversationDirectory.UploadedAttachment;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static final PatientId PATIENT = PatientId.random();
    static final PatientId OTHER_PATIENT = PatientId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final PractitionerId DOCTOR = PractitionerId.random();
    static final ConversationId CONVERSATION = ConversationId.random();
    static final ConversationId OTHER_CONVERSATION = ConversationId.random();
    static final MessageId FIRST = MessageId.random();
    static final MessageId SECOND = MessageId.random();
    static final AttachmentId SCAN = AttachmentId.random();
    static final AttachmentId ELSEWHERE = AttachmentId.random();
    static final List<UploadedAttachment> UPLOADS = List.of(
            new UploadedAttachment(SCAN, CONVERSATION, "image/png", 1234, "ab12", "rash.png"),
            new UploadedAttachment(ELSEWHERE, OTHER_CONVERSATION, "application/pdf", 99, "cd34", "report.pdf"));

    AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        fixture.registerInjectableResource(new ConversationDirectory() {
            @Override
            public boolean patientRegistered(PatientId patient) {
                return PATIENT.equals(patient) || OTHER_PATIENT.equals(patient);
            }

            @Override
            public boolean departmentExists(DepartmentId department) {
                return MEDICINE.equals(department);
            }

            @Override
            public boolean practitionerExists(PractitionerId practitioner) {
                return DOCTOR.equals(practitioner);
            }

            @Override
            public Optional<UploadedAttachment> attachment(AttachmentId attachment) {
                return UPLOADS.stream()
                        .filter(a -> a.attachmentId().equals(attachment))
                        .findFirst();
            }
        });
    }

    static Map<String, Object> as(String role) {
        return Map.of(MetadataKeys.ROLE, role, MetadataKeys.USERNAME, "someone");
    }

    static ConversationStarted started() {
        return new ConversationStarted(PATIENT, CONVERSATION, MEDICINE, "Rash after the new tablets", Author.PATIENT);
    }

    static MessageSent first() {
        return new MessageSent(
                PATIENT, CONVERSATION, FIRST, 1, Author.PATIENT, "It itches since Tuesday", List.of(), List.of());
    }

    static StartConversation start(PatientId patient, DepartmentId department, String subject, String text) {
        return new StartConversation(CONVERSATION, patient, department, subject, FIRST, text, Author.PATIENT);
    }

    @Test
    void aPatientStartsAConversationWithItsFirstMessage() {
        fixture.givenNoPriorActivity()
                .when(
                        start(PATIENT, MEDICINE, " Rash after the new tablets ", "It itches since Tuesday"),
                        as("PATIENT"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(started(), first());
    }

    @Test
    void refusesAConversationWithoutSubjectOrText() {
        fixture.givenNoPriorActivity()
                .when(start(PATIENT, MEDICINE, " ", null), as("PATIENT"))
                .expectException(error(ErrorCode.VALIDATION, "subject", "text"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownPatientOrDepartment() {
        fixture.givenNoPriorActivity()
                .when(start(PatientId.random(), MEDICINE, "s", "t"), as("DOCTOR"))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(start(PATIENT, DepartmentId.random(), "s", "t"), as("PATIENT"))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aPatientCannotOpenAConversationAsTheCareTeam() {
        fixture.givenNoPriorActivity()
                .when(
                        new StartConversation(CONVERSATION, PATIENT, MEDICINE, "s", FIRST, "t", Author.CARE_TEAM),
                        as("PATIENT"))
                .expectException(error(ErrorCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void theCareTeamRepliesWithAnAttachment() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "Please send a photo", List.of(SCAN), null), as("DOCTOR"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MessageSent(
                        PATIENT,
                        CONVERSATION,
                        SECOND,
                        2,
                        Author.CARE_TEAM,
                        "Please send a photo",
                        List.of(new Attachment(SCAN, "image/png", 1234, "ab12")),
                        List.of("rash.png")));
    }

    @Test
    void anotherPatientsConversationAnswersAsAMissingOne() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "hello", List.of(), OTHER_PATIENT), as("PATIENT"))
                .expectException(CarelogException.class)
                .expectExceptionMessage("No record with id " + CONVERSATION)
                .expectNoEvents();
        fixture.given(started(), first())
                .when(new MarkConversationRead(CONVERSATION, null, OTHER_PATIENT), as("PATIENT"))
                .expectExceptionMessage("No record with id " + CONVERSATION)
                .expectNoEvents();
    }

    @Test
    void aPatientRoleWithoutItsPatientReachesNothing() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "hello", List.of(), null), as("PATIENT"))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesAnAttachmentOfAnotherConversationOrAlreadySent() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "x", List.of(ELSEWHERE), PATIENT), as("PATIENT"))
                .expectException(error(ErrorCode.VALIDATION, "attachments"))
                .expectNoEvents();
        fixture.given(
                        started(),
                        first(),
                        new MessageSent(
                                PATIENT,
                                CONVERSATION,
                                SECOND,
                                2,
                                Author.PATIENT,
                                null,
                                List.of(new Attachment(SCAN, "image/png", 1234, "ab12")),
                                List.of("rash.png")))
                .when(new SendMessage(CONVERSATION, MessageId.random(), "again", List.of(SCAN), PATIENT), as("PATIENT"))
                .expectException(error(ErrorCode.VALIDATION, "attachments"))
                .expectNoEvents();
    }

    @Test
    void refusesAnEmptyMessage() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "  ", List.of(), PATIENT), as("PATIENT"))
                .expectException(error(ErrorCode.VALIDATION, "text"))
                .expectNoEvents();
    }

    @Test
    void refusesATooLongMessage() {
        fixture.given(started(), first())
                .when(new SendMessage(CONVERSATION, SECOND, "x".repeat(5001), List.of(), PATIENT), as("PATIENT"))
                .expectException(error(ErrorCode.VALIDATION, "text"))
                .expectNoEvents();
    }

    @Test
    void aRetriedSendChangesNothing() {
        fixture.given(started(), first())
                .when(
                        new SendMessage(CONVERSATION, FIRST, "It itches since Tuesday", List.of(), PATIENT),
                        as("PATIENT"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readReceiptsPerSideOnlyMoveForward() {
        MessageSent reply = new MessageSent(
                PATIENT, CONVERSATION, SECOND, 2, Author.CARE_TEAM, "Take it after food", List.of(), List.of());
        fixture.given(started(), first(), reply)
                .when(new MarkConversationRead(CONVERSATION, null, PATIENT), as("PATIENT"))
                .expectEvents(new ConversationRead(PATIENT, CONVERSATION, Author.PATIENT, 2));
        fixture.given(started(), first(), reply)
                .when(new MarkConversationRead(CONVERSATION, 1, null), as("NURSE"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents(); // the care team wrote message 2, so it read message 1 before
        fixture.given(started(), first())
                .when(new MarkConversationRead(CONVERSATION, null, null), as("NURSE"))
                .expectEvents(new ConversationRead(PATIENT, CONVERSATION, Author.CARE_TEAM, 1));
        fixture.given(started(), first())
                .when(new MarkConversationRead(CONVERSATION, 7, null), as("NURSE"))
                .expectException(error(ErrorCode.VALIDATION, "upTo"))
                .expectNoEvents();
    }

    @Test
    void assignsToAKnownClinicianOnce() {
        fixture.given(started(), first())
                .when(new AssignConversation(CONVERSATION, DOCTOR), as("DOCTOR"))
                .expectEvents(new ConversationAssigned(PATIENT, CONVERSATION, DOCTOR));
        fixture.given(started(), first(), new ConversationAssigned(PATIENT, CONVERSATION, DOCTOR))
                .when(new AssignConversation(CONVERSATION, DOCTOR), as("DOCTOR"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(), first())
                .when(new AssignConversation(CONVERSATION, PractitionerId.random()), as("DOCTOR"))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aClosedConversationTakesNoMoreMessages() {
        fixture.given(started(), first())
                .when(new CloseConversation(CONVERSATION), as("DOCTOR"))
                .expectEvents(new ConversationClosed(PATIENT, CONVERSATION));
        fixture.given(started(), first(), new ConversationClosed(PATIENT, CONVERSATION))
                .when(new CloseConversation(CONVERSATION), as("DOCTOR"))
                .expectNoEvents();
        fixture.given(started(), first(), new ConversationClosed(PATIENT, CONVERSATION))
                .when(new SendMessage(CONVERSATION, SECOND, "still there?", List.of(), PATIENT), as("PATIENT"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
        fixture.given(started(), first(), new ConversationClosed(PATIENT, CONVERSATION))
                .when(new AssignConversation(CONVERSATION, DOCTOR), as("DOCTOR"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void anotherPatientLearnsNothingFromAClosedConversation() {
        fixture.given(started(), first(), new ConversationClosed(PATIENT, CONVERSATION))
                .when(new SendMessage(CONVERSATION, SECOND, "hello", List.of(), OTHER_PATIENT), as("PATIENT"))
                .expectException(Matchers.instanceOf(CarelogException.class))
                .expectExceptionMessage("No record with id " + CONVERSATION)
                .expectNoEvents();
    }
}
