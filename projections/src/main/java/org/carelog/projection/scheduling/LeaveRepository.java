package org.carelog.projection.scheduling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Practitioners' leave. */
public interface LeaveRepository extends JpaRepository<LeaveEntry, UUID> {

    @Query("select l from LeaveEntry l where l.practitionerId in :practitioners"
            + " and l.fromDate <= :to and l.toDate >= :from")
    List<LeaveEntry> findFor(Collection<UUID> practitioners, LocalDate from, LocalDate to);
}
