package org.carelog.projection.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientId;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentNeedsRebooking;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.SlotBooked;
import org.springframework.stereotype.Component;

/**
 * Builds every appointment's history: each transition with when, who (user and role from the event's
 * metadata) and the reason or note given. Idempotent: a row per event id. Free text about the patient
 * is blanked when the patient is erased (and is null in events read after the key was destroyed).
 */
@Component
@ReadModelTables({"appointment_history"})
@ProcessingGroup(AppointmentHistoryProjector.PROCESSING_GROUP)
class AppointmentHistoryProjector {

    static final String PROCESSING_GROUP = "appointment-history";

    private final AppointmentHistoryRepository history;

    AppointmentHistoryProjector(AppointmentHistoryRepository history) {
        this.history = history;
    }

    @EventHandler
    void on(SlotBooked event, EventMessage<?> message, @Timestamp Instant at) {
        String detail = event.rescheduledFrom() != null
                ? "rescheduled from " + event.rescheduledFrom()
                : join(event.assignmentReason(), event.note());
        record(message, event.appointmentId(), event.patientId(), "BOOKED", at, detail);
    }

    @EventHandler
    void on(AppointmentCancelled event, EventMessage<?> message, @Timestamp Instant at) {
        record(
                message,
                event.appointmentId(),
                event.patientId(),
                "CANCELLED",
                at,
                join("by " + event.cancelledBy().name().toLowerCase(), event.reason()));
    }

    @EventHandler
    void on(AppointmentRescheduled event, EventMessage<?> message, @Timestamp Instant at) {
        record(
                message,
                event.appointmentId(),
                event.patientId(),
                "RESCHEDULED",
                at,
                join("to " + event.newAppointmentId(), event.reason()));
    }

    @EventHandler
    void on(AppointmentCheckedIn event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, event.appointmentId(), event.patientId(), "CHECKED_IN", at, null);
    }

    @EventHandler
    void on(AppointmentCompleted event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, event.appointmentId(), event.patientId(), "COMPLETED", at, null);
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, event.appointmentId(), event.patientId(), "NO_SHOW", at, null);
    }

    @EventHandler
    void on(AppointmentNeedsRebooking event, EventMessage<?> message, @Timestamp Instant at) {
        record(
                message,
                event.appointmentId(),
                event.patientId(),
                "NEEDS_REBOOKING",
                at,
                event.cause().name());
    }

    @EventHandler
    void on(PatientErased event) {
        history.forgetDetails(event.patientId().value());
    }

    private void record(
            EventMessage<?> message,
            AppointmentId appointment,
            PatientId patient,
            String what,
            Instant at,
            String detail) {
        if (history.existsById(message.getIdentifier())) {
            return;
        }
        Object user = message.getMetaData().get(MetadataKeys.USERNAME);
        Object role = message.getMetaData().get(MetadataKeys.ROLE);
        history.save(AppointmentHistoryEntry.of(
                message.getIdentifier(),
                appointment.value(),
                patient == null ? new UUID(0, 0) : patient.value(),
                what,
                at,
                user == null ? null : user.toString(),
                role == null ? null : role.toString(),
                detail));
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + ": " + second;
    }

    @ResetHandler
    void reset() {
        history.deleteAllInBatch();
    }
}
