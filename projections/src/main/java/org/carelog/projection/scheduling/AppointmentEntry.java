package org.carelog.projection.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentSummary;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.RebookingCause;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.scheduling.VisitKind;
import org.springframework.data.domain.Persistable;

/** One appointment in the calendar read model, whatever its status. */
@Entity
@Table(name = "appointment_view")
public class AppointmentEntry implements Persistable<UUID> {

    @Id
    private UUID appointmentId;

    private UUID practitionerId;
    private UUID patientId;
    private UUID departmentId;
    private UUID servicePointId;
    private LocalDate scheduleDate;
    private Instant startAt;
    private Instant endAt;

    @Enumerated(EnumType.STRING)
    private AppointmentType type;

    @Enumerated(EnumType.STRING)
    private VisitKind visitKind;

    private boolean walkIn;

    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;

    @Enumerated(EnumType.STRING)
    private RebookingCause rebookingCause;

    private UUID rescheduledTo;

    @Column(updatable = false)
    private Instant bookedAt;

    private Instant updatedAt;

    @Transient
    private boolean fresh;

    protected AppointmentEntry() {}

    static AppointmentEntry booked(SlotBooked event, Instant at) {
        AppointmentEntry entry = new AppointmentEntry();
        entry.appointmentId = event.appointmentId().value();
        entry.practitionerId = event.scheduleId().practitionerId().value();
        entry.patientId = event.patientId().value();
        entry.departmentId = event.departmentId().value();
        entry.servicePointId = event.servicePointId().value();
        entry.scheduleDate = event.scheduleId().date();
        entry.startAt = event.start();
        entry.endAt = event.end();
        entry.type = event.type();
        entry.visitKind = event.visitKind();
        entry.walkIn = event.walkIn();
        entry.status = AppointmentStatus.BOOKED;
        entry.bookedAt = at;
        entry.updatedAt = at;
        entry.fresh = true;
        return entry;
    }

    void status(AppointmentStatus newStatus, Instant at) {
        status = newStatus;
        updatedAt = at;
    }

    void rescheduledTo(UUID newAppointment, Instant at) {
        rescheduledTo = newAppointment;
        status(AppointmentStatus.RESCHEDULED, at);
    }

    void needsRebooking(RebookingCause cause, Instant at) {
        rebookingCause = cause;
        updatedAt = at;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public LocalDate scheduleDate() {
        return scheduleDate;
    }

    public AppointmentSummary toSummary() {
        return new AppointmentSummary(
                appointmentId.toString(),
                practitionerId.toString(),
                patientId.toString(),
                departmentId.toString(),
                servicePointId.toString(),
                scheduleDate,
                startAt,
                endAt,
                type,
                visitKind,
                walkIn,
                status,
                rebookingCause,
                rescheduledTo == null ? null : rescheduledTo.toString(),
                bookedAt,
                updatedAt);
    }

    @Override
    public UUID getId() {
        return appointmentId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
