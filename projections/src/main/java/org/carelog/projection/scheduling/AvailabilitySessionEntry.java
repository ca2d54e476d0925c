package org.carelog.projection.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.FacilityWeek;
import org.springframework.data.domain.Persistable;

/** One session of a practitioner's availability: weekly ({@code onDate} null) or of a one-off day. */
@Entity
@Table(name = "availability_session_view")
public class AvailabilitySessionEntry implements Persistable<UUID> {

    @Id
    private UUID id;

    private UUID practitionerId;
    private LocalDate onDate;
    private UUID servicePointId;
    private String days;
    private LocalTime startTime;
    private LocalTime endTime;
    private int slotMinutes;
    private int capacity;
    private int walkInPercent;
    private String types;

    @Transient
    private boolean fresh;

    protected AvailabilitySessionEntry() {}

    static AvailabilitySessionEntry of(UUID id, UUID practitionerId, LocalDate onDate, AvailabilitySession s) {
        AvailabilitySessionEntry entry = new AvailabilitySessionEntry();
        entry.id = id;
        entry.practitionerId = practitionerId;
        entry.onDate = onDate;
        entry.servicePointId = s.servicePointId().value();
        entry.days = FacilityWeek.text(s.days());
        entry.startTime = s.start();
        entry.endTime = s.end();
        entry.slotMinutes = s.slotMinutes();
        entry.capacity = s.capacity();
        entry.walkInPercent = s.walkInPercent();
        entry.types = FacilityWeek.text(s.types());
        entry.fresh = true;
        return entry;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public LocalDate onDate() {
        return onDate;
    }

    public AvailabilitySession toSession() {
        return new AvailabilitySession(
                new ServicePointId(servicePointId),
                FacilityWeek.days(days),
                startTime,
                endTime,
                slotMinutes,
                capacity,
                walkInPercent,
                FacilityWeek.types(types));
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
