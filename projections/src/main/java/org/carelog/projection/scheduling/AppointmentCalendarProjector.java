package org.carelog.projection.scheduling;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentNeedsRebooking;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.SlotBooked;
import org.springframework.stereotype.Component;

/**
 * Builds the appointment calendar: one row per appointment with its status, for day calendars,
 * patients' appointments, department lists, the rebooking list, and the places {@code availableSlots}
 * subtracts. Idempotent: a redelivered event sets what it already set.
 */
@Component
@ReadModelTables({"appointment_view"})
@ProcessingGroup(AppointmentCalendarProjector.PROCESSING_GROUP)
class AppointmentCalendarProjector {

    static final String PROCESSING_GROUP = "appointment-calendar";

    private final AppointmentRepository appointments;
    private final AppointmentChanges changes;

    AppointmentCalendarProjector(AppointmentRepository appointments, AppointmentChanges changes) {
        this.appointments = appointments;
        this.changes = changes;
    }

    @EventHandler
    void on(SlotBooked event, @Timestamp Instant at) {
        if (!appointments.existsById(event.appointmentId().value())) {
            AppointmentEntry entry = appointments.save(AppointmentEntry.booked(event, at));
            changes.changed(entry);
        }
    }

    @EventHandler
    void on(AppointmentCancelled event, @Timestamp Instant at) {
        status(event.appointmentId(), AppointmentStatus.CANCELLED, at);
    }

    @EventHandler
    void on(AppointmentCheckedIn event, @Timestamp Instant at) {
        status(event.appointmentId(), AppointmentStatus.CHECKED_IN, at);
    }

    @EventHandler
    void on(AppointmentCompleted event, @Timestamp Instant at) {
        status(event.appointmentId(), AppointmentStatus.COMPLETED, at);
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event, @Timestamp Instant at) {
        status(event.appointmentId(), AppointmentStatus.NO_SHOW, at);
    }

    @EventHandler
    void on(AppointmentRescheduled event, @Timestamp Instant at) {
        AppointmentEntry entry = entry(event.appointmentId());
        entry.rescheduledTo(event.newAppointmentId().value(), at);
        changes.changed(entry);
    }

    @EventHandler
    void on(AppointmentNeedsRebooking event, @Timestamp Instant at) {
        AppointmentEntry entry = entry(event.appointmentId());
        entry.needsRebooking(event.cause(), at);
        changes.changed(entry);
    }

    private void status(AppointmentId id, AppointmentStatus status, Instant at) {
        AppointmentEntry entry = entry(id);
        entry.status(status, at);
        changes.changed(entry);
    }

    private AppointmentEntry entry(AppointmentId id) {
        return appointments
                .findById(id.value())
                .orElseThrow(() -> new IllegalStateException("appointment " + id + " is not in the calendar"));
    }

    @ResetHandler
    void reset() {
        appointments.deleteAllInBatch();
    }
}
