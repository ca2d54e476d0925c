package org.carelog.command.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The scheduling registry's rules over maps, for aggregate tests (Friday is the weekly day off). */
class InMemorySchedulingRegistry implements SchedulingRegistry {

    final Map<PractitionerId, Clinician> clinicians = new LinkedHashMap<>();
    final Map<PractitionerId, List<AvailabilitySession>> weekly = new HashMap<>();
    final Map<PractitionerId, Map<LocalDate, List<AvailabilitySession>>> oneOff = new HashMap<>();
    final Map<LeaveId, Object[]> leave = new HashMap<>();
    final Set<LocalDate> holidays = new HashSet<>();
    final Set<PatientId> patients = new HashSet<>();
    final Map<AppointmentId, PatientTime> times = new LinkedHashMap<>();
    private final ZoneId zone;

    InMemorySchedulingRegistry(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Optional<Clinician> clinician(PractitionerId practitioner) {
        return Optional.ofNullable(clinicians.get(practitioner));
    }

    @Override
    public List<Clinician> clinicians(String specialty) {
        return clinicians.values().stream()
                .filter(c -> specialty == null || specialty.equalsIgnoreCase(c.specialty()))
                .toList();
    }

    @Override
    public DayPlan dayPlan(PractitionerId practitioner, LocalDate date, boolean hold) {
        boolean onLeave = leave.values().stream()
                .anyMatch(l -> l[0].equals(practitioner)
                        && !date.isBefore((LocalDate) l[1])
                        && !date.isAfter((LocalDate) l[2]));
        return DayPlan.of(
                date,
                weekly.getOrDefault(practitioner, List.of()),
                oneOff.getOrDefault(practitioner, Map.of()).get(date),
                onLeave,
                holidays.contains(date),
                DayOfWeek.FRIDAY);
    }

    @Override
    public boolean patientExists(PatientId patient) {
        return patients.contains(patient);
    }

    @Override
    public Optional<AppointmentId> claimPatientTime(PatientTime time, DepartmentId department) {
        Optional<AppointmentId> other = times.values().stream()
                .filter(t -> t.status().holdsPlace()
                        && t.patientId().equals(time.patientId())
                        && t.start().isBefore(time.end())
                        && time.start().isBefore(t.end()))
                .map(PatientTime::appointmentId)
                .findFirst();
        if (other.isEmpty()) {
            times.put(time.appointmentId(), time);
        }
        return other;
    }

    @Override
    public void changeStatus(AppointmentId appointment, AppointmentStatus status) {
        PatientTime t = times.get(appointment);
        times.put(
                appointment,
                new PatientTime(
                        t.appointmentId(), t.patientId(), t.scheduleId(), t.start(), t.end(), t.walkIn(), status));
    }

    @Override
    public Optional<PatientTime> appointment(AppointmentId appointment) {
        return Optional.ofNullable(times.get(appointment));
    }

    @Override
    public List<PatientTime> heldPlaces(PractitionerId practitioner, Instant from, Instant to) {
        return times.values().stream()
                .filter(t -> t.status().holdsPlace()
                        && t.scheduleId().practitionerId().equals(practitioner)
                        && !t.start().isBefore(from)
                        && t.start().isBefore(to))
                .toList();
    }

    @Override
    public List<PatientTime> patientHeldTimes(PatientId patient, Instant from, Instant to) {
        return times.values().stream()
                .filter(t -> t.status().holdsPlace()
                        && t.patientId().equals(patient)
                        && t.start().isBefore(to)
                        && from.isBefore(t.end()))
                .toList();
    }

    @Override
    public Optional<PractitionerId> lastPractitioner(PatientId patient) {
        return times.values().stream()
                .filter(t -> t.patientId().equals(patient)
                        && (t.status() == AppointmentStatus.COMPLETED || t.status() == AppointmentStatus.CHECKED_IN))
                .max(Comparator.comparing(PatientTime::start))
                .map(t -> t.scheduleId().practitionerId());
    }

    @Override
    public List<DayScheduleId> daysWithBookings(PractitionerId practitioner, LocalDate from, LocalDate to) {
        return times.values().stream()
                .filter(t -> t.status().holdsPlace())
                .map(PatientTime::scheduleId)
                .filter(d -> practitioner == null || d.practitionerId().equals(practitioner))
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .distinct()
                .toList();
    }

    @Override
    public List<PatientTime> unattended(LocalDate lastClosedDay, int limit) {
        List<PatientTime> found = new ArrayList<>();
        times.values().stream()
                .filter(t -> t.status() == AppointmentStatus.BOOKED
                        && !t.scheduleId().date().isAfter(lastClosedDay))
                .limit(limit)
                .forEach(found::add);
        return found;
    }

    @Override
    public void recordPractitioner(
            PractitionerId practitioner,
            PersonName name,
            PractitionerRole role,
            LocalDate bmdcExpiresOn,
            String specialty,
            DepartmentId department,
            Set<Language> languages) {
        clinicians.put(
                practitioner,
                new Clinician(practitioner, name.display(), role, bmdcExpiresOn, specialty, department, languages));
    }

    @Override
    public void recordBmdcExpiry(PractitionerId practitioner, LocalDate expiresOn) {
        Clinician c = clinicians.get(practitioner);
        clinicians.put(
                practitioner,
                new Clinician(
                        practitioner,
                        c.displayName(),
                        c.role(),
                        expiresOn,
                        c.specialty(),
                        c.departmentId(),
                        c.languages()));
    }

    @Override
    public void recordSpecialty(PractitionerId practitioner, String specialty) {}

    @Override
    public void recordLanguages(PractitionerId practitioner, Set<Language> languages) {}

    @Override
    public void recordDepartment(PractitionerId practitioner, DepartmentId department) {}

    @Override
    public void recordWeeklySessions(PractitionerId practitioner, List<AvailabilitySession> sessions) {
        weekly.put(practitioner, sessions);
    }

    @Override
    public void recordOneOffSessions(PractitionerId practitioner, LocalDate date, List<AvailabilitySession> sessions) {
        Map<LocalDate, List<AvailabilitySession>> days = oneOff.computeIfAbsent(practitioner, p -> new HashMap<>());
        if (sessions == null) {
            days.remove(date);
        } else {
            days.put(date, sessions);
        }
    }

    @Override
    public void recordLeave(PractitionerId practitioner, LeaveId id, LocalDate from, LocalDate to) {
        leave.put(id, new Object[] {practitioner, from, to});
    }

    @Override
    public void removeLeave(PractitionerId practitioner, LeaveId id) {
        leave.remove(id);
    }

    @Override
    public void recordHoliday(LocalDate date, boolean holiday) {
        if (holiday) {
            holidays.add(date);
        } else {
            holidays.remove(date);
        }
    }

    ZoneId zone() {
        return zone;
    }
}
