package org.carelog.projection.scheduling;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Every appointment's transitions. */
public interface AppointmentHistoryRepository extends JpaRepository<AppointmentHistoryEntry, String> {

    List<AppointmentHistoryEntry> findByAppointmentIdOrderByAt(UUID appointmentId);

    /** On erasure: the free text about the patient goes; the facts (what, when, who) stay. */
    @Modifying
    @Query("update AppointmentHistoryEntry h set h.detail = null where h.patientId = :patientId")
    int forgetDetails(UUID patientId);
}
