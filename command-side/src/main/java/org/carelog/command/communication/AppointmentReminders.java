package org.carelog.command.communication;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One booked appointment's reminders, as durable deadlines (PostgreSQL, db-scheduler): one per configured offset
 * before the start that is still in the future when the booking is handled. Rescheduling ends this saga (the new
 * appointment's booking starts its own), cancelling, check-in, completion and no-show end it too, and each end
 * cancels the pending deadlines and withdraws a reminder still waiting to be sent. A deadline's reminder carries
 * the key {@code appointment-reminder:<appointment>:<offset>}, so a deadline run twice sends once.
 */
@Saga
@ProcessingGroup(AppointmentReminders.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class AppointmentReminders {

    public static final String PROCESSING_GROUP = "appointment-reminders";
    static final String DEADLINE = "appointment-reminder";

    /** Offset (ISO-8601) -> deadline id, for the reminders not yet due. */
    private final Map<String, String> pending = new LinkedHashMap<>();

    private String appointmentId;

    @Autowired
    @JsonIgnore
    private transient DeadlineManager deadlines;

    @Autowired
    @JsonIgnore
    private transient ReminderPolicy policy;

    @Autowired
    @JsonIgnore
    private transient ReminderOutbox outbox;

    @StartSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(SlotBooked event, @Timestamp Instant bookedAt) {
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
            }
        }
        if (pending.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(AppointmentReminderDue due) {
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
        if (pending.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentRescheduled event) {
        stop();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCancelled event) {
        stop();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCheckedIn event) {
        stop();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCompleted event) {
        stop();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentMarkedNoShow event) {
        stop();
    }

    /** Cancels by id: cancelling by name or scope would scan every pending deadline of db-scheduler's table. */
    private void stop() {
        pending.forEach((offset, id) -> deadlines.cancelSchedule(DEADLINE, id));
        for (Duration offset : policy.appointmentOffsets()) {
            outbox.withdraw(key(offset.toString()));
        }
        pending.clear();
    }

    private String key(String offset) {
        return "appointment-reminder:" + appointmentId + ":" + offset;
    }
}
