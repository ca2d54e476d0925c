package org.carelog.projection.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.carelog.api.scheduling.AppointmentTransition;
import org.springframework.data.domain.Persistable;

/** One transition of an appointment, keyed by the event that made it. */
@Entity
@Table(name = "appointment_history")
public class AppointmentHistoryEntry implements Persistable<String> {

    static final int MAX_DETAIL = 600;

    @Id
    private String eventId;

    private UUID appointmentId;
    private UUID patientId;
    private String event;
    private Instant at;
    private String username;
    private String role;
    private String detail;

    @Transient
    private boolean fresh;

    protected AppointmentHistoryEntry() {}

    static AppointmentHistoryEntry of(
            String eventId,
            UUID appointmentId,
            UUID patientId,
            String event,
            Instant at,
            String username,
            String role,
            String detail) {
        AppointmentHistoryEntry entry = new AppointmentHistoryEntry();
        entry.eventId = eventId;
        entry.appointmentId = appointmentId;
        entry.patientId = patientId;
        entry.event = event;
        entry.at = at;
        entry.username = username;
        entry.role = role;
        entry.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        entry.fresh = true;
        return entry;
    }

    public AppointmentTransition toTransition() {
        return new AppointmentTransition(event, at, username, role, detail);
    }

    @Override
    public String getId() {
        return eventId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
