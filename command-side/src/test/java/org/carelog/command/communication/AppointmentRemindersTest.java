package org.carelog.command.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.CancelledBy;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.scheduling.VisitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppointmentRemindersTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final Instant NOW =
            LocalDate.of(2026, 11, 24).atTime(9, 0).atZone(DHAKA).toInstant();
    static final Instant START = NOW.plus(Duration.ofDays(3));
    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final ServicePointId CHAMBER = ServicePointId.random();
    static final AppointmentId APPOINTMENT = AppointmentId.random();
    static final DayScheduleId DAY = new DayScheduleId(DR_KARIM, LocalDate.of(2026, 11, 27));

    private SagaTestFixture<AppointmentReminders> fixture;
    private RecordingOutbox outbox;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AppointmentReminders.class);
        outbox = new RecordingOutbox();
        fixture.registerResource(outbox);
        fixture.registerResource(
                new ReminderPolicy(List.of(Duration.ofHours(24), Duration.ofHours(2)), 1, LocalTime.of(10, 0), DHAKA));
        fixture.givenCurrentTime(NOW);
    }

    static SlotBooked booked(AppointmentId appointment, Instant start) {
        return new SlotBooked(
                DAY,
                appointment,
                RAHIM,
                DepartmentId.random(),
                CHAMBER,
                start,
                start.plus(Duration.ofMinutes(15)),
                AppointmentType.IN_PERSON,
                VisitKind.NEW_VISIT,
                false,
                null,
                null,
                null);
    }

    static AppointmentReminderDue due(Duration offset) {
        return new AppointmentReminderDue(APPOINTMENT, RAHIM, DR_KARIM, CHAMBER, START, offset.toString());
    }

    @Test
    void aBookingSchedulesOneReminderPerOffset() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(APPOINTMENT, START))
                .expectActiveSagas(1)
                .expectScheduledDeadline(START.minus(Duration.ofHours(24)), due(Duration.ofHours(24)))
                .expectScheduledDeadline(START.minus(Duration.ofHours(2)), due(Duration.ofHours(2)));
    }

    @Test
    void theRemindersAreQueuedWhenTheirTimeComesAndTheSagaLastsUntilTheOutcome() {
        fixture.givenAPublished(booked(APPOINTMENT, START))
                .whenTimeAdvancesTo(START.minus(Duration.ofHours(24)))
                .expectDeadlinesMet(due(Duration.ofHours(24)))
                .expectActiveSagas(1);
        assertThat(outbox.queued).singleElement().satisfies(q -> {
            assertThat(q.request().deduplicationKey()).isEqualTo("appointment-reminder:" + APPOINTMENT + ":PT24H");
            assertThat(q.request().kind()).isEqualTo(MessageKind.APPOINTMENT_REMINDER);
            assertThat(q.request().patientId()).isEqualTo(RAHIM);
            assertThat(q.request().values()).containsEntry("start", START.toString());
            assertThat(q.expiresAt()).isEqualTo(START);
        });
        fixture.whenTimeElapses(Duration.ofHours(22)).expectActiveSagas(1).expectNoScheduledDeadlines();
        assertThat(outbox.queued).hasSize(2);
        fixture.whenPublishingA(new AppointmentMarkedNoShow(DAY, APPOINTMENT, RAHIM))
                .expectActiveSagas(0);
    }

    @Test
    void aLastReminderStillWaitingIsWithdrawnWhenThePatientChecksIn() throws Exception {
        fixture.givenAPublished(booked(APPOINTMENT, START))
                .andThenTimeAdvancesTo(START.minus(Duration.ofHours(2)))
                .whenPublishingA(new AppointmentCheckedIn(
                        APPOINTMENT, RAHIM, DR_KARIM, CHAMBER, START, START.minus(Duration.ofMinutes(90)), DAY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(outbox.queued).hasSize(2);
        assertThat(outbox.withdrawn)
                .containsExactlyInAnyOrder(
                        "appointment-reminder:" + APPOINTMENT + ":PT24H",
                        "appointment-reminder:" + APPOINTMENT + ":PT2H");
    }

    @Test
    void noReminderForAnOffsetAlreadyPast() {
        Instant soon = NOW.plus(Duration.ofHours(5));
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(APPOINTMENT, soon))
                .expectActiveSagas(1)
                .expectScheduledDeadline(
                        soon.minus(Duration.ofHours(2)),
                        new AppointmentReminderDue(APPOINTMENT, RAHIM, DR_KARIM, CHAMBER, soon, "PT2H"));
        fixture.whenTimeElapses(Duration.ofHours(3)).expectActiveSagas(1);
        assertThat(outbox.queued)
                .singleElement()
                .satisfies(q -> assertThat(q.request().deduplicationKey()).endsWith(":PT2H"));
    }

    @Test
    void noReminderForAnAppointmentInThePast() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(APPOINTMENT, NOW.minus(Duration.ofHours(1))))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancellingRemovesTheRemindersAndWithdrawsAQueuedOne() throws Exception {
        fixture.givenAPublished(booked(APPOINTMENT, START))
                .andThenTimeAdvancesTo(START.minus(Duration.ofHours(24)))
                .whenPublishingA(new AppointmentCancelled(DAY, APPOINTMENT, RAHIM, CancelledBy.PATIENT, "Better"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(outbox.withdrawn)
                .containsExactlyInAnyOrder(
                        "appointment-reminder:" + APPOINTMENT + ":PT24H",
                        "appointment-reminder:" + APPOINTMENT + ":PT2H");
    }

    @Test
    void reschedulingMovesTheRemindersToTheNewAppointment() {
        AppointmentId moved = AppointmentId.random();
        Instant later = START.plus(Duration.ofDays(1));
        fixture.givenAPublished(booked(APPOINTMENT, START))
                .andThenAPublished(new AppointmentRescheduled(DAY, APPOINTMENT, RAHIM, DAY, moved, "Exam"))
                .whenPublishingA(booked(moved, later))
                .expectActiveSagas(1)
                .expectScheduledDeadline(
                        later.minus(Duration.ofHours(24)),
                        new AppointmentReminderDue(moved, RAHIM, DR_KARIM, CHAMBER, later, "PT24H"));
        // past both of the old appointment's reminder times and the new one's first
        fixture.whenTimeAdvancesTo(START)
                .expectTriggeredDeadlines(new AppointmentReminderDue(moved, RAHIM, DR_KARIM, CHAMBER, later, "PT24H"));
        assertThat(outbox.queued)
                .allSatisfy(q -> assertThat(q.request().deduplicationKey()).contains(moved.toString()));
        assertThat(outbox.queued).hasSize(1);
    }

    @Test
    void aCheckedInPatientGetsNoFurtherReminder() throws Exception {
        fixture.givenAPublished(booked(APPOINTMENT, START))
                .andThenTimeAdvancesTo(START.minus(Duration.ofHours(3)))
                .whenPublishingA(new AppointmentCheckedIn(
                        APPOINTMENT, RAHIM, DR_KARIM, CHAMBER, START, START.minus(Duration.ofHours(3)), DAY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        fixture.whenTimeElapses(Duration.ofHours(2)).expectNoScheduledDeadlines();
        assertThat(outbox.queued).hasSize(1);
    }
}
