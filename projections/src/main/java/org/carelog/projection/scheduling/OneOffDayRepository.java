package org.carelog.projection.scheduling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Days with a one-off change of availability. */
public interface OneOffDayRepository extends JpaRepository<OneOffDayEntry, UUID> {

    @Query("select d from OneOffDayEntry d where d.practitionerId in :practitioners and d.onDate between :from and :to")
    List<OneOffDayEntry> findFor(Collection<UUID> practitioners, LocalDate from, LocalDate to);

    @Modifying
    @Query("delete from OneOffDayEntry d where d.practitionerId = :practitioner and d.onDate = :date")
    void deleteDay(UUID practitioner, LocalDate date);
}
