package org.carelog.command.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.FollowUpPlanned;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.patient.PatientId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowUpRemindersTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = TODAY.atTime(11, 0).atZone(DHAKA).toInstant();
    static final PatientId RAHIM = PatientId.random();
    static final EncounterId VISIT = EncounterId.random();

    private SagaTestFixture<FollowUpReminders> fixture;
    private RecordingOutbox outbox;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(FollowUpReminders.class);
        outbox = new RecordingOutbox();
        fixture.registerResource(outbox);
        fixture.registerResource(new ReminderPolicy(List.of(Duration.ofHours(24)), 1, LocalTime.of(10, 0), DHAKA));
        fixture.givenCurrentTime(NOW);
    }

    static Instant tenOClock(LocalDate day) {
        return day.atTime(10, 0).atZone(DHAKA).toInstant();
    }

    @Test
    void comeBackInSevenDaysIsRemindedTheDayBeforeAtTen() {
        LocalDate due = TODAY.plusDays(7);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new FollowUpPlanned(RAHIM, VISIT, due, "Bring the X-ray"))
                .expectActiveSagas(1)
                .expectScheduledDeadline(tenOClock(due.minusDays(1)), new FollowUpReminderDue(VISIT, RAHIM, due));
        fixture.whenTimeAdvancesTo(tenOClock(due.minusDays(1)))
                .expectDeadlinesMet(new FollowUpReminderDue(VISIT, RAHIM, due))
                .expectActiveSagas(0);
        assertThat(outbox.queued).singleElement().satisfies(q -> {
            assertThat(q.request().kind()).isEqualTo(MessageKind.FOLLOW_UP_REMINDER);
            assertThat(q.request().deduplicationKey()).isEqualTo("follow-up:" + VISIT + ":" + due);
            assertThat(q.request().values())
                    .containsEntry("date", due.toString())
                    .doesNotContainValue("Bring the X-ray");
        });
    }

    @Test
    void aNewPlanMovesTheReminder() {
        LocalDate first = TODAY.plusDays(7);
        LocalDate second = TODAY.plusDays(14);
        fixture.givenAPublished(new FollowUpPlanned(RAHIM, VISIT, first, null))
                .whenPublishingA(new FollowUpPlanned(RAHIM, VISIT, second, null))
                .expectActiveSagas(1)
                .expectScheduledDeadline(tenOClock(second.minusDays(1)), new FollowUpReminderDue(VISIT, RAHIM, second));
        fixture.whenTimeAdvancesTo(tenOClock(first)).expectTriggeredDeadlines();
        assertThat(outbox.queued).isEmpty();
        assertThat(outbox.withdrawn).containsExactly("follow-up:" + VISIT + ":" + first);
    }

    @Test
    void aFollowUpTomorrowPlannedAfterTenGetsNoReminder() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new FollowUpPlanned(RAHIM, VISIT, TODAY.plusDays(1), null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
