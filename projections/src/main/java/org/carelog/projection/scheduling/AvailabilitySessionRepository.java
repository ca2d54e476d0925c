package org.carelog.projection.scheduling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Sessions of practitioners' availability (read model slot-availability). */
public interface AvailabilitySessionRepository extends JpaRepository<AvailabilitySessionEntry, UUID> {

    @Query("select s from AvailabilitySessionEntry s where s.practitionerId in :practitioners"
            + " and (s.onDate is null or s.onDate between :from and :to)")
    List<AvailabilitySessionEntry> findFor(Collection<UUID> practitioners, LocalDate from, LocalDate to);

    @Modifying
    @Query("delete from AvailabilitySessionEntry s where s.practitionerId = :practitioner and s.onDate is null")
    void deleteWeekly(UUID practitioner);

    @Modifying
    @Query("delete from AvailabilitySessionEntry s where s.practitionerId = :practitioner and s.onDate = :date")
    void deleteOneOff(UUID practitioner, LocalDate date);
}
