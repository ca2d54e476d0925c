package org.carelog.projection.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.conversation.Attachment;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.Author;
import org.carelog.api.conversation.ConversationAssigned;
import org.carelog.api.conversation.ConversationClosed;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.conversation.ConversationRead;
import org.carelog.api.conversation.ConversationStarted;
import org.carelog.api.conversation.MessageId;
import org.carelog.api.conversation.MessageSent;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.junit.jupiter.api.Test;

class ConversationFoldTest {

    static final PatientId PATIENT = PatientId.random();
    static final ConversationId FIRST = ConversationId.random();
    static final ConversationId SECOND = ConversationId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final PractitionerId DOCTOR = PractitionerId.random();
    static final Instant T0 = Instant.parse("2026-11-20T04:00:00Z");
    static final AttachmentId SCAN = AttachmentId.random();

    static RecordedEvent at(long index, int minutes, Object event, String username, String role) {
        return new RecordedEvent(
                index,
                T0.plusSeconds(60L * minutes),
                (org.carelog.api.clinical.PatientRecordEvent) event,
                username,
                role,
                null);
    }

    static final List<RecordedEvent> HISTORY = List.of(
            at(1, 0, new ConversationStarted(PATIENT, FIRST, MEDICINE, "Rash", Author.PATIENT), "patient:x", "PATIENT"),
            at(
                    2,
                    0,
                    new MessageSent(
                            PATIENT, FIRST, MessageId.random(), 1, Author.PATIENT, "It itches", List.of(), List.of()),
                    "patient:x",
                    "PATIENT"),
            at(
                    3,
                    5,
                    new MessageSent(
                            PATIENT,
                            FIRST,
                            MessageId.random(),
                            2,
                            Author.CARE_TEAM,
                            "Send a photo",
                            List.of(new Attachment(SCAN, "image/png", 10, "ab")),
                            List.of("how-to.png")),
                    "dr.rahman",
                    "DOCTOR"),
            at(4, 6, new ConversationRead(PATIENT, FIRST, Author.PATIENT, 2), "patient:x", "PATIENT"),
            at(5, 7, new ConversationAssigned(PATIENT, FIRST, DOCTOR), "nurse", "NURSE"),
            at(
                    6,
                    8,
                    new ConversationStarted(PATIENT, SECOND, MEDICINE, "Bill", Author.PATIENT),
                    "patient:x",
                    "PATIENT"),
            at(
                    7,
                    8,
                    new MessageSent(PATIENT, SECOND, MessageId.random(), 1, Author.PATIENT, "?", List.of(), List.of()),
                    "patient:x",
                    "PATIENT"),
            at(8, 9, new ConversationClosed(PATIENT, FIRST), "dr.rahman", "DOCTOR"));

    @Test
    void foldsMessagesReceiptsAssignmentAndClosing() {
        List<ConversationThread> threads = ConversationFold.fold(HISTORY);
        assertThat(threads)
                .extracting(t -> t.conversation().conversationId())
                .containsExactly(SECOND.value(), FIRST.value());
        ConversationThread first = threads.get(1);
        ConversationView view = first.conversation();
        assertThat(view.status()).isEqualTo(ConversationView.CLOSED);
        assertThat(view.closedAt()).isEqualTo(T0.plusSeconds(9 * 60));
        assertThat(view.messageCount()).isEqualTo(2);
        assertThat(view.patientReadUpTo()).isEqualTo(2);
        assertThat(view.careTeamReadUpTo())
                .as("writing is reading what came before")
                .isEqualTo(2);
        assertThat(view.assignedPractitionerId()).isEqualTo(DOCTOR.value());
        assertThat(view.lastMessageAt()).isEqualTo(T0.plusSeconds(5 * 60));
        assertThat(first.messages()).extracting(MessageView::text).containsExactly("It itches", "Send a photo");
        MessageView reply = first.messages().get(1);
        assertThat(reply.authorUsername()).isEqualTo("dr.rahman");
        assertThat(reply.authorRole()).isEqualTo("DOCTOR");
        assertThat(reply.attachments()).singleElement().satisfies(a -> {
            assertThat(a.attachmentId()).isEqualTo(SCAN.value());
            assertThat(a.fileName()).isEqualTo("how-to.png");
        });
    }

    @Test
    void asOfAnInstantShowsOnlyWhatWasStoredThen() {
        List<ConversationThread> early = ConversationFold.fold(HISTORY.subList(0, 3));
        assertThat(early).singleElement().satisfies(t -> {
            assertThat(t.conversation().status()).isEqualTo(ConversationView.OPEN);
            assertThat(t.conversation().patientReadUpTo()).isEqualTo(1);
            assertThat(t.messages()).hasSize(2);
        });
    }

    @Test
    void anErasedPatientsTextsReadAsNull() {
        List<RecordedEvent> erased = List.of(
                at(1, 0, new ConversationStarted(PATIENT, FIRST, MEDICINE, null, Author.PATIENT), "p", "PATIENT"),
                at(
                        2,
                        0,
                        new MessageSent(
                                PATIENT,
                                FIRST,
                                MessageId.random(),
                                1,
                                Author.PATIENT,
                                null,
                                List.of(new Attachment(SCAN, "image/png", 10, "ab")),
                                null),
                        "p",
                        "PATIENT"));
        ConversationThread thread = ConversationFold.fold(erased).get(0);
        assertThat(thread.conversation().subject()).isNull();
        assertThat(thread.messages().get(0).text()).isNull();
        assertThat(thread.messages().get(0).attachments().get(0).fileName()).isNull();
    }
}
