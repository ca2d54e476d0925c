package org.carelog.command.communication;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.SlotBooked;

/**
 * One booked appointment's reminders, as durable deadlines (PostgreSQL, db-scheduler): one per configured offset
 * before the start that is still in the future when the booking is handled. Rescheduling ends this saga (the new
 * appointment's booking starts its own), cancelling, check-in, completion and no-show end it too (and nothing
 * else: not the last reminder), and each end cancels the pending deadlines and withdraws any reminder still
 * waiting to be sent. A deadline's reminder carries
 * the key {@code appointment-reminder:<appointment>:<offset>}, so a deadline run twice sends once. The saga holds
 * ids and deadline ids only; its collaborators come as handler parameters (Spring beans, fixture resources).
 */
@Saga
@ProcessingGroup(AppointmentReminders.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class AppointmentReminders {

    public static final String PROCESSING_GROUP = "appointment-reminders";
    static final String DEADLINE = "appointment-reminder";

    /** Offset (ISO-8601) -> deadline id, for the reminders not yet due. */
    private final Map<String, String> pending = new LinkedHashMap<>();

    /** Every offset scheduled (ISO-8601), due or not: a reminder due but still queued is withdrawn too. */
    private final List<String> scheduled = new ArrayList<>();

    private String appointmentId;

    @StartSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(SlotBooked event, @Timestamp Instant bookedAt, DeadlineManager deadlines, ReminderPolicy policy) {
        appointmentId = event.appointmentId().toString();
        for (Duration offset : policy.appointmentOffsets()) {
            Instant due = event.start().minus(offset);
            if (due.isAfter(bookedAt)) {
                String id = deadlines.schedule(
                        due,
                        DEADLINE,
                        new AppointmentReminderDue(
                                event.appointmentId(),
                                event.patientId(),
                                event.scheduleId().practitionerId(),
                                event.servicePointId(),
                                event.start(),
                                offset.toString()));
                pending.put(offset.toString(), id);
                scheduled.add(offset.toString());
            }
        }
        if (pending.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(AppointmentReminderDue due, ReminderOutbox outbox) {
        pending.remove(due.offset());
        outbox.queue(
                new PatientMessageRequest(
                        key(due.offset()),
                        due.patientId(),
                        MessageKind.APPOINTMENT_REMINDER,
                        null,
                        Map.of(
                                "start", due.start().toString(),
                                "practitionerId", String.valueOf(due.practitionerId()),
                                "servicePointId", String.valueOf(due.servicePointId())),
                        Set.of()),
                due.start());
        // Not ended after the last reminder: it may still be waiting (an outage, quiet hours) when the
        // appointment is cancelled or attended, and must then be withdrawn. Every appointment ends in one of the
        // events below (the no-show job closes each day's).
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentRescheduled event, DeadlineManager deadlines, ReminderOutbox outbox) {
        stop(deadlines, outbox);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCancelled event, DeadlineManager deadlines, ReminderOutbox outbox) {
        stop(deadlines, outbox);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCheckedIn event, DeadlineManager deadlines, ReminderOutbox outbox) {
        stop(deadlines, outbox);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCompleted event, DeadlineManager deadlines, ReminderOutbox outbox) {
        stop(deadlines, outbox);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentMarkedNoShow event, DeadlineManager deadlines, ReminderOutbox outbox) {
        stop(deadlines, outbox);
    }

    /** Cancels by id: cancelling by name or scope would scan every pending deadline of db-scheduler's table. */
    private void stop(DeadlineManager deadlines, ReminderOutbox outbox) {
        pending.forEach((offset, id) -> deadlines.cancelSchedule(DEADLINE, id));
        scheduled.forEach(offset -> outbox.withdraw(key(offset)));
        pending.clear();
    }

    private String key(String offset) {
        return "appointment-reminder:" + appointmentId + ":" + offset;
    }
}
