package org.carelog.projection.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The appointment calendar's read table. */
public interface AppointmentRepository extends JpaRepository<AppointmentEntry, UUID> {

    /** Places held (booked or checked in) per slot start, split by walk-in: [practitioner, start, walkIn, count]. */
    @Query("select a.practitionerId, a.startAt, a.walkIn, count(a) from AppointmentEntry a"
            + " where a.practitionerId in :practitioners and a.startAt >= :from and a.startAt < :to"
            + " and a.status in (org.carelog.api.scheduling.AppointmentStatus.BOOKED,"
            + " org.carelog.api.scheduling.AppointmentStatus.CHECKED_IN)"
            + " group by a.practitionerId, a.startAt, a.walkIn")
    List<Object[]> heldPlaces(Collection<UUID> practitioners, Instant from, Instant to);

    List<AppointmentEntry> findByPractitionerIdAndScheduleDateOrderByStartAt(UUID practitionerId, LocalDate date);

    List<AppointmentEntry> findByDepartmentIdAndScheduleDateOrderByStartAt(UUID departmentId, LocalDate date);

    List<AppointmentEntry> findByPatientIdAndStartAtGreaterThanEqualOrderByStartAtAsc(
            UUID patientId, Instant from, Limit limit);

    List<AppointmentEntry> findByPatientIdAndStartAtLessThanOrderByStartAtDesc(
            UUID patientId, Instant before, Limit limit);

    @Query("select a from AppointmentEntry a where a.rebookingCause is not null"
            + " and a.status = org.carelog.api.scheduling.AppointmentStatus.BOOKED and a.startAt > :after"
            + " order by a.startAt")
    List<AppointmentEntry> needingRebooking(Instant after, Limit limit);
}
