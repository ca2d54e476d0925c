package org.carelog.command.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.DayPlan;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.LeaveId;

/**
 * The command side's set-based view of scheduling, which no single day schedule can see: each
 * practitioner's availability and registration, the facility's holidays, and every patient's booked
 * time across practitioners. Implementations write in the transaction of the command (or of the
 * event, through {@link SchedulingLookupUpdater}), so this view and the event store never disagree.
 */
public interface SchedulingRegistry {

    // --- read while deciding a booking ---

    /** The practitioner's booking facts; empty when there is no such practitioner. */
    Optional<Clinician> clinician(PractitionerId practitioner);

    /** Practitioners of a specialty (ignoring case), or every one when {@code specialty} is null. */
    List<Clinician> clinicians(String specialty);

    /**
     * The practitioner's plan for {@code date}. With {@code hold}, a concurrent change of the
     * practitioner's availability waits until this transaction ends (and this one waits for it), so a
     * booking never decides on availability that an uncommitted change is replacing.
     */
    DayPlan dayPlan(PractitionerId practitioner, LocalDate date, boolean hold);

    /** Whether the patient is registered and not erased. */
    boolean patientExists(PatientId patient);

    /**
     * Records the patient's time of a new booking. Empty when recorded; otherwise the patient's
     * other appointment (any practitioner) that overlaps it, and nothing is recorded. A concurrent
     * overlapping claim waits for this transaction and then fails.
     */
    Optional<AppointmentId> claimPatientTime(PatientTime time, DepartmentId department);

    /** A booked appointment's new status; a status that holds no place frees the patient's time. */
    void changeStatus(AppointmentId appointment, AppointmentStatus status);

    Optional<PatientTime> appointment(AppointmentId appointment);

    /** Appointments holding a place with the practitioner from {@code from} to {@code to} (instants, half-open). */
    List<PatientTime> heldPlaces(PractitionerId practitioner, Instant from, Instant to);

    /** The patient's appointments holding a place that overlap {@code from}..{@code to}. */
    List<PatientTime> patientHeldTimes(PatientId patient, Instant from, Instant to);

    /** The practitioner of the patient's latest completed (or checked-in) appointment. */
    Optional<PractitionerId> lastPractitioner(PatientId patient);

    /** Days (of one practitioner, or of all when null) from {@code from} to {@code to} with places held. */
    List<DayScheduleId> daysWithBookings(PractitionerId practitioner, LocalDate from, LocalDate to);

    /** BOOKED appointments (never checked in) of days up to and including {@code lastClosedDay}. */
    List<PatientTime> unattended(LocalDate lastClosedDay, int limit);

    // --- kept in the transaction of the practitioner's and the facility's events ---

    void recordPractitioner(
            PractitionerId practitioner,
            PersonName name,
            PractitionerRole role,
            LocalDate bmdcExpiresOn,
            String specialty,
            DepartmentId department,
            Set<Language> languages);

    void recordBmdcExpiry(PractitionerId practitioner, LocalDate expiresOn);

    void recordSpecialty(PractitionerId practitioner, String specialty);

    void recordLanguages(PractitionerId practitioner, Set<Language> languages);

    void recordDepartment(PractitionerId practitioner, DepartmentId department);

    void recordWeeklySessions(PractitionerId practitioner, List<AvailabilitySession> sessions);

    /** One-off sessions of a date; null removes the one-off change. */
    void recordOneOffSessions(PractitionerId practitioner, LocalDate date, List<AvailabilitySession> sessions);

    void recordLeave(PractitionerId practitioner, LeaveId leave, LocalDate from, LocalDate to);

    void removeLeave(PractitionerId practitioner, LeaveId leave);

    void recordHoliday(LocalDate date, boolean holiday);
}
