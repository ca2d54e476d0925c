package org.carelog.infra.scheduling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.BookingRefusal;
import org.carelog.api.scheduling.DayPlan;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.FacilityWeek;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.command.scheduling.Clinician;
import org.carelog.command.scheduling.PatientTime;
import org.carelog.command.scheduling.SchedulingRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The scheduling registry in PostgreSQL, in the command's transaction. Patients' booked times sit
 * under an exclusion constraint (no two overlapping places held by one patient); a booking reads the
 * practitioner's row FOR SHARE, which every availability change updates, so the two serialise.
 */
@Component
class JdbcSchedulingRegistry implements SchedulingRegistry {

    private static final String HELD = "status in ('BOOKED', 'CHECKED_IN')";
    private static final String CLINICIAN_COLUMNS =
            "practitioner_id, display_name, role, bmdc_expires_on, specialty, department_id, languages";
    private static final String TIME_COLUMNS =
            "appointment_id, patient_id, practitioner_id, schedule_date, start_at, end_at, walk_in, status";

    private final JdbcTemplate jdbc;
    private final FacilityWeek week;

    JdbcSchedulingRegistry(JdbcTemplate jdbc, FacilityWeek week) {
        this.jdbc = jdbc;
        this.week = week;
    }

    @Override
    public Optional<Clinician> clinician(PractitionerId practitioner) {
        return jdbc
                .query(
                        "select " + CLINICIAN_COLUMNS + " from scheduling_practitioner where practitioner_id = ?",
                        this::toClinician,
                        practitioner.value())
                .stream()
                .findFirst();
    }

    @Override
    public List<Clinician> clinicians(String specialty) {
        if (specialty == null || specialty.isBlank()) {
            return jdbc.query("select " + CLINICIAN_COLUMNS + " from scheduling_practitioner", this::toClinician);
        }
        return jdbc.query(
                "select " + CLINICIAN_COLUMNS + " from scheduling_practitioner where lower(specialty) = lower(?)",
                this::toClinician,
                specialty.strip());
    }

    @Override
    public DayPlan dayPlan(PractitionerId practitioner, LocalDate date, boolean hold) {
        // One round trip: the day's facts on every row, the sessions (if any) joined.
        List<AvailabilitySession> weekly = new ArrayList<>();
        List<AvailabilitySession> oneOff = new ArrayList<>();
        boolean[] facts = new boolean[3];
        jdbc.query(
                "select exists (select 1 from scheduling_one_off_day d where d.practitioner_id = p.practitioner_id"
                        + "   and d.on_date = ?) as one_off_day,"
                        + " exists (select 1 from scheduling_leave l where l.practitioner_id = p.practitioner_id"
                        + "   and ? between l.from_date and l.to_date) as on_leave,"
                        + " exists (select 1 from scheduling_holiday h where h.on_date = ?) as holiday,"
                        + " s.on_date is not null as one_off, s.service_point_id, s.days, s.start_time, s.end_time,"
                        + " s.slot_minutes, s.capacity, s.walk_in_percent, s.types"
                        + " from scheduling_practitioner p left join scheduling_session s"
                        + "   on s.practitioner_id = p.practitioner_id and (s.on_date is null or s.on_date = ?)"
                        + " where p.practitioner_id = ? order by s.ordinal"
                        + (hold ? " for share of p" : ""),
                rs -> {
                    facts[0] = rs.getBoolean("one_off_day");
                    facts[1] = rs.getBoolean("on_leave");
                    facts[2] = rs.getBoolean("holiday");
                    if (rs.getObject("service_point_id") != null) {
                        (rs.getBoolean("one_off") ? oneOff : weekly).add(session(rs));
                    }
                },
                date,
                date,
                date,
                date,
                practitioner.value());
        return DayPlan.of(date, weekly, facts[0] ? oneOff : null, facts[1], facts[2], week.offDay());
    }

    @Override
    public boolean patientExists(PatientId patient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from patient_match where patient_id = ?)", Boolean.class, patient.value()));
    }

    @Override
    public Optional<AppointmentId> claimPatientTime(PatientTime time, DepartmentId department) {
        try {
            jdbc.update(
                    "insert into appointment_booking (appointment_id, patient_id, practitioner_id, schedule_date,"
                            + " department_id, start_at, end_at, walk_in, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    time.appointmentId().value(),
                    time.patientId().value(),
                    time.scheduleId().practitionerId().value(),
                    time.scheduleId().date(),
                    department.value(),
                    Timestamp.from(time.start()),
                    Timestamp.from(time.end()),
                    time.walkIn(),
                    time.status().name());
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            throw e; // the appointment id itself, recorded meanwhile: re-decided by ScheduleCommands
        } catch (DataIntegrityViolationException e) {
            // The exclusion constraint: the patient holds an overlapping appointment (committed, or
            // committed meanwhile: the insert waited for it). This transaction is aborted; refusing rolls
            // it back. No separate look-up first: the constraint alone decides, in one round trip.
            throw BookingRefusal.PATIENT_OVERLAP.conflict(
                    "The patient already holds an overlapping appointment", time.scheduleId());
        }
    }

    @Override
    public void changeStatus(AppointmentId appointment, AppointmentStatus status) {
        jdbc.update(
                "update appointment_booking set status = ? where appointment_id = ?",
                status.name(),
                appointment.value());
    }

    @Override
    public Optional<PatientTime> appointment(AppointmentId appointment) {
        return jdbc
                .query(
                        "select " + TIME_COLUMNS + " from appointment_booking where appointment_id = ?",
                        JdbcSchedulingRegistry::time,
                        appointment.value())
                .stream()
                .findFirst();
    }

    @Override
    public List<PatientTime> heldPlaces(PractitionerId practitioner, Instant from, Instant to) {
        return jdbc.query(
                "select " + TIME_COLUMNS + " from appointment_booking where practitioner_id = ? and " + HELD
                        + " and start_at >= ? and start_at < ?",
                JdbcSchedulingRegistry::time,
                practitioner.value(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    @Override
    public List<PatientTime> patientHeldTimes(PatientId patient, Instant from, Instant to) {
        return jdbc.query(
                "select " + TIME_COLUMNS + " from appointment_booking where patient_id = ? and " + HELD
                        + " and start_at < ? and end_at > ?",
                JdbcSchedulingRegistry::time,
                patient.value(),
                Timestamp.from(to),
                Timestamp.from(from));
    }

    @Override
    public Optional<PractitionerId> lastPractitioner(PatientId patient) {
        return jdbc
                .queryForList(
                        "select practitioner_id from appointment_booking where patient_id = ?"
                                + " and status in ('COMPLETED', 'CHECKED_IN') order by start_at desc limit 1",
                        UUID.class,
                        patient.value())
                .stream()
                .findFirst()
                .map(PractitionerId::new);
    }

    @Override
    public List<DayScheduleId> daysWithBookings(PractitionerId practitioner, LocalDate from, LocalDate to) {
        RowMapper<DayScheduleId> day = (rs, n) ->
                new DayScheduleId(new PractitionerId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class));
        if (practitioner == null) {
            return jdbc.query(
                    "select distinct practitioner_id, schedule_date from appointment_booking where " + HELD
                            + " and schedule_date between ? and ?",
                    day,
                    from,
                    to);
        }
        return jdbc.query(
                "select distinct practitioner_id, schedule_date from appointment_booking where practitioner_id = ?"
                        + " and " + HELD + " and schedule_date between ? and ?",
                day,
                practitioner.value(),
                from,
                to);
    }

    @Override
    public List<PatientTime> unattended(LocalDate lastClosedDay, int limit) {
        return jdbc.query(
                "select " + TIME_COLUMNS + " from appointment_booking where status = 'BOOKED' and schedule_date <= ?"
                        + " order by schedule_date limit ?",
                JdbcSchedulingRegistry::time,
                lastClosedDay,
                limit);
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
        jdbc.update(
                "insert into scheduling_practitioner (" + CLINICIAN_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (practitioner_id) do nothing",
                practitioner.value(),
                name == null ? practitioner.toString() : name.display(),
                role.name(),
                bmdcExpiresOn,
                specialty,
                department.value(),
                languages(languages));
    }

    @Override
    public void recordBmdcExpiry(PractitionerId practitioner, LocalDate expiresOn) {
        touch(practitioner, "bmdc_expires_on = ?", expiresOn);
    }

    @Override
    public void recordSpecialty(PractitionerId practitioner, String specialty) {
        touch(practitioner, "specialty = ?", specialty);
    }

    @Override
    public void recordLanguages(PractitionerId practitioner, Set<Language> languages) {
        touch(practitioner, "languages = ?", languages(languages));
    }

    @Override
    public void recordDepartment(PractitionerId practitioner, DepartmentId department) {
        touch(practitioner, "department_id = ?", department.value());
    }

    @Override
    public void recordWeeklySessions(PractitionerId practitioner, List<AvailabilitySession> sessions) {
        touch(practitioner, null, null);
        jdbc.update(
                "delete from scheduling_session where practitioner_id = ? and on_date is null", practitioner.value());
        insertSessions(practitioner, null, sessions);
    }

    @Override
    public void recordOneOffSessions(PractitionerId practitioner, LocalDate date, List<AvailabilitySession> sessions) {
        touch(practitioner, null, null);
        jdbc.update(
                "delete from scheduling_session where practitioner_id = ? and on_date = ?", practitioner.value(), date);
        jdbc.update(
                "delete from scheduling_one_off_day where practitioner_id = ? and on_date = ?",
                practitioner.value(),
                date);
        if (sessions != null) {
            jdbc.update(
                    "insert into scheduling_one_off_day (practitioner_id, on_date) values (?, ?)",
                    practitioner.value(),
                    date);
            insertSessions(practitioner, date, sessions);
        }
    }

    @Override
    public void recordLeave(PractitionerId practitioner, LeaveId leave, LocalDate from, LocalDate to) {
        touch(practitioner, null, null);
        jdbc.update(
                "insert into scheduling_leave (leave_id, practitioner_id, from_date, to_date) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                leave.value(),
                practitioner.value(),
                from,
                to);
    }

    @Override
    public void removeLeave(PractitionerId practitioner, LeaveId leave) {
        touch(practitioner, null, null);
        jdbc.update("delete from scheduling_leave where leave_id = ?", leave.value());
    }

    @Override
    public void recordHoliday(LocalDate date, boolean holiday) {
        // Every practitioner's availability changes: bookings being decided now wait for this commit.
        jdbc.update("update scheduling_practitioner set version = version + 1");
        if (holiday) {
            jdbc.update("insert into scheduling_holiday (on_date) values (?) on conflict do nothing", date);
        } else {
            jdbc.update("delete from scheduling_holiday where on_date = ?", date);
        }
    }

    /** Updates the practitioner's row (a change of their availability takes its lock), optionally a column. */
    private void touch(PractitionerId practitioner, String assignment, Object value) {
        if (assignment == null) {
            jdbc.update(
                    "update scheduling_practitioner set version = version + 1 where practitioner_id = ?",
                    practitioner.value());
        } else {
            jdbc.update(
                    "update scheduling_practitioner set " + assignment + ", version = version + 1"
                            + " where practitioner_id = ?",
                    value,
                    practitioner.value());
        }
    }

    private void insertSessions(PractitionerId practitioner, LocalDate date, List<AvailabilitySession> sessions) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            AvailabilitySession s = sessions.get(i);
            rows.add(new Object[] {
                practitioner.value(),
                date,
                i,
                s.servicePointId().value(),
                FacilityWeek.text(s.days()),
                s.start(),
                s.end(),
                s.slotMinutes(),
                s.capacity(),
                s.walkInPercent(),
                FacilityWeek.text(s.types())
            });
        }
        jdbc.batchUpdate(
                "insert into scheduling_session (practitioner_id, on_date, ordinal, service_point_id, days, start_time,"
                        + " end_time, slot_minutes, capacity, walk_in_percent, types)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static AvailabilitySession session(ResultSet rs) throws SQLException {
        return new AvailabilitySession(
                new ServicePointId(rs.getObject("service_point_id", UUID.class)),
                FacilityWeek.days(rs.getString("days")),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                rs.getInt("slot_minutes"),
                rs.getInt("capacity"),
                rs.getInt("walk_in_percent"),
                FacilityWeek.types(rs.getString("types")));
    }

    private Clinician toClinician(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        return new Clinician(
                new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
                rs.getString("display_name"),
                PractitionerRole.valueOf(rs.getString("role")),
                rs.getObject("bmdc_expires_on", LocalDate.class),
                rs.getString("specialty"),
                new DepartmentId(rs.getObject("department_id", UUID.class)),
                Arrays.stream((String[]) languages.getArray())
                        .map(Language::valueOf)
                        .collect(Collectors.toSet()));
    }

    private static PatientTime time(ResultSet rs, int row) throws SQLException {
        return new PatientTime(
                new AppointmentId(rs.getObject("appointment_id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new DayScheduleId(
                        new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
                        rs.getObject("schedule_date", LocalDate.class)),
                rs.getTimestamp("start_at").toInstant(),
                rs.getTimestamp("end_at").toInstant(),
                rs.getBoolean("walk_in"),
                AppointmentStatus.valueOf(rs.getString("status")));
    }

    private static String[] languages(Set<Language> languages) {
        return languages.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
