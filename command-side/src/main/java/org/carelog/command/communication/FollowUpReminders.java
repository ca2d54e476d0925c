package org.carelog.command.communication;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.carelog.api.clinical.FollowUpPlanned;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;

/**
 * The reminder of an encounter's planned follow-up visit: a durable deadline {@code followUpDaysBefore} days before
 * the day, at {@code followUpAt} local time. A new plan of the same encounter moves it (the old deadline is
 * cancelled, a reminder of the old day still waiting is withdrawn). The instructions are never sent: an SMS is
 * read by whoever holds the phone.
 */
@Saga
@ProcessingGroup(FollowUpReminders.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class FollowUpReminders {

    public static final String PROCESSING_GROUP = "follow-up-reminders";
    static final String DEADLINE = "follow-up-reminder";

    private String encounterId;
    private LocalDate dueOn;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "encounterId")
    void on(
            FollowUpPlanned event,
            @Timestamp Instant plannedAt,
            DeadlineManager deadlines,
            ReminderPolicy policy,
            ReminderOutbox outbox) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
            deadlineId = null;
        }
        if (dueOn != null && !dueOn.equals(event.dueOn())) {
            outbox.withdraw(key());
        }
        encounterId = event.encounterId().toString();
        dueOn = event.dueOn();
        Instant due = dueOn.minusDays(policy.followUpDaysBefore())
                .atTime(policy.followUpAt())
                .atZone(policy.zone())
                .toInstant();
        if (due.isAfter(plannedAt)) {
            deadlineId = deadlines.schedule(
                    due, DEADLINE, new FollowUpReminderDue(event.encounterId(), event.patientId(), dueOn));
        } else {
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(FollowUpReminderDue due, ReminderPolicy policy, ReminderOutbox outbox) {
        outbox.queue(
                new PatientMessageRequest(
                        key(),
                        due.patientId(),
                        MessageKind.FOLLOW_UP_REMINDER,
                        null,
                        Map.of("date", due.dueOn().toString()),
                        Set.of()),
                due.dueOn().atStartOfDay(policy.zone()).toInstant());
        SagaLifecycle.end();
    }

    private String key() {
        return "follow-up:" + encounterId + ":" + dueOn;
    }
}
