package org.carelog.projection.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A period of a practitioner's leave, both ends included. */
@Entity
@Table(name = "availability_leave_view")
public class LeaveEntry implements Persistable<UUID> {

    @Id
    private UUID leaveId;

    private UUID practitionerId;
    private LocalDate fromDate;
    private LocalDate toDate;
    private String reason;

    @Transient
    private boolean fresh;

    protected LeaveEntry() {}

    static LeaveEntry of(UUID leaveId, UUID practitionerId, LocalDate from, LocalDate to, String reason) {
        LeaveEntry entry = new LeaveEntry();
        entry.leaveId = leaveId;
        entry.practitionerId = practitionerId;
        entry.fromDate = from;
        entry.toDate = to;
        entry.reason = reason;
        entry.fresh = true;
        return entry;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(fromDate) && !date.isAfter(toDate);
    }

    @Override
    public UUID getId() {
        return leaveId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
