package org.carelog.projection.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A day whose one-off sessions (possibly none) replace a practitioner's weekly ones. */
@Entity
@Table(name = "availability_one_off_view")
public class OneOffDayEntry implements Persistable<UUID> {

    @Id
    private UUID id;

    private UUID practitionerId;
    private LocalDate onDate;

    @Transient
    private boolean fresh;

    protected OneOffDayEntry() {}

    static OneOffDayEntry of(UUID id, UUID practitionerId, LocalDate onDate) {
        OneOffDayEntry entry = new OneOffDayEntry();
        entry.id = id;
        entry.practitionerId = practitionerId;
        entry.onDate = onDate;
        entry.fresh = true;
        return entry;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public LocalDate onDate() {
        return onDate;
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
