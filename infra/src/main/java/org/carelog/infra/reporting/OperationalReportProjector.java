package org.carelog.infra.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenMarkedNoShow;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.SlotBooked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects registrations, appointments and tokens into the operational reports (V25): the daily census
 * counters and each token's times. Every counter moves with a state change of its row, read and changed in
 * one statement ({@code update ... where status = 'BOOKED' returning}), so the counters are always the
 * rows' states summed. The token store is updated in the same transaction, so a redelivered batch is never
 * counted twice; a rebuild starts from empty tables. Each change notifies {@code carelog_dashboard} with its
 * day (PostgreSQL sends identical notices of one transaction once, at commit) for the live dashboard.
 */
@Component
@ReadModelTables({"report_registration", "report_appointment", "report_census", "report_token"})
@ProcessingGroup(OperationalReportProjector.PROCESSING_GROUP)
class OperationalReportProjector {

    static final String PROCESSING_GROUP = "operational-reports";
    static final String CHANNEL = "carelog_dashboard";

    /** Counts that belong to no department or practitioner (registrations; tokens have no practitioner). */
    static final UUID NONE = new UUID(0, 0);

    /** The census counters, by column. */
    enum Counter {
        REGISTRATIONS("registrations"),
        BOOKED("appointments_booked"),
        CANCELLED("appointments_cancelled"),
        ATTENDED("appointments_attended"),
        NO_SHOW("appointments_no_show"),
        WALK_IN_TOKENS("walk_in_tokens"),
        APPOINTMENT_TOKENS("appointment_tokens"),
        NEW_PATIENT_VISITS("new_patient_visits"),
        RETURNING_PATIENT_VISITS("returning_patient_visits");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    private record Place(LocalDate day, UUID department, UUID practitioner, UUID patient) {}

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    OperationalReportProjector(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @EventHandler
    void on(PatientRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        int inserted = jdbc.update(
                "insert into report_registration (patient_id, day) values (?, ?) on conflict do nothing",
                event.patientId().value(),
                day);
        if (inserted == 1) {
            add(day, NONE, NONE, Counter.REGISTRATIONS, 1);
        }
    }

    @EventHandler
    void on(SlotBooked event) {
        UUID department =
                event.departmentId() == null ? NONE : event.departmentId().value();
        UUID practitioner = event.scheduleId().practitionerId().value();
        LocalDate day = event.scheduleId().date();
        int inserted = jdbc.update(
                "insert into report_appointment (appointment_id, day, department_id, practitioner_id, patient_id,"
                        + " status) values (?, ?, ?, ?, ?, 'BOOKED') on conflict do nothing",
                event.appointmentId().value(),
                day,
                department,
                practitioner,
                event.patientId().value());
        if (inserted == 1) {
            add(day, department, practitioner, Counter.BOOKED, 1);
        }
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        move(event.appointmentId(), "CANCELLED").forEach(p -> add(p, Counter.CANCELLED, 1));
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        // Moved to another time: the new booking counts on its own day; this one no longer counts here.
        move(event.appointmentId(), "RESCHEDULED").forEach(p -> add(p, Counter.BOOKED, -1));
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event) {
        move(event.appointmentId(), "NO_SHOW").forEach(p -> add(p, Counter.NO_SHOW, 1));
    }

    @EventHandler
    void on(AppointmentCheckedIn event) {
        attended(event.appointmentId(), "CHECKED_IN");
    }

    @EventHandler
    void on(AppointmentCompleted event) {
        // Completed straight from booked is an attendance too; after a check-in it was counted already.
        if (attended(event.appointmentId(), "COMPLETED") == 0) {
            jdbc.update(
                    "update report_appointment set status = 'COMPLETED' where appointment_id = ? and status = 'CHECKED_IN'",
                    event.appointmentId().value());
        }
    }

    private int attended(AppointmentId appointment, String status) {
        List<Place> places = move(appointment, status);
        for (Place place : places) {
            add(place, Counter.ATTENDED, 1);
            add(place, visitOf(place.patient(), place.day()), 1);
        }
        return places.size();
    }

    @EventHandler
    void on(TokenIssued event, @org.axonframework.eventhandling.Timestamp Instant at) {
        TokenQueueId queue = event.queueId();
        List<UUID> departments = jdbc.queryForList(
                "select department_id from service_point_directory where service_point_id = ?",
                UUID.class,
                queue.servicePointId().value());
        UUID department = departments.isEmpty() ? NONE : departments.get(0);
        boolean walkIn = event.appointment() == null && event.transferredFrom() == null;
        int inserted = jdbc.update(
                "insert into report_token (service_point_id, day, number, department_id, walk_in, priority,"
                        + " issued_at, issued_hour) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                queue.servicePointId().value(),
                queue.date(),
                event.number(),
                department,
                walkIn,
                event.priority() == null ? "" : event.priority(),
                Timestamp.from(at),
                at.atZone(zone).getHour());
        if (inserted == 0 || event.transferredFrom() != null) {
            return;
        }
        if (walkIn) {
            add(queue.date(), department, NONE, Counter.WALK_IN_TOKENS, 1);
            add(queue.date(), department, NONE, visitOf(event.patientId(), queue.date()), 1);
        } else {
            add(queue.date(), department, NONE, Counter.APPOINTMENT_TOKENS, 1);
        }
    }

    @EventHandler
    void on(TokenCalled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        token("called_at = coalesce(called_at, ?)", event.queueId(), event.number(), Timestamp.from(at));
    }

    @EventHandler
    void on(TokenServiceStarted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        token("started_at = coalesce(started_at, ?)", event.queueId(), event.number(), Timestamp.from(at));
    }

    @EventHandler
    void on(TokenServiceFinished event, @org.axonframework.eventhandling.Timestamp Instant at) {
        token("finished_at = ?", event.queueId(), event.number(), Timestamp.from(at));
    }

    @EventHandler
    void on(TokenMarkedNoShow event) {
        token("no_show = ?", event.queueId(), event.number(), true);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_registration, report_appointment, report_census, report_token");
    }

    /** Moves a booked appointment to a new status; returns where its counters are (empty when it was not booked). */
    private List<Place> move(AppointmentId appointment, String status) {
        return jdbc.query(
                "update report_appointment set status = ? where appointment_id = ? and status = 'BOOKED'"
                        + " returning day, department_id, practitioner_id, patient_id",
                (rs, n) -> new Place(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)),
                status,
                appointment.value());
    }

    /** A visit on {@code day} is a new patient's when they registered that day (or never registered). */
    private Counter visitOf(UUID patient, LocalDate day) {
        if (patient == null) {
            return Counter.NEW_PATIENT_VISITS;
        }
        List<LocalDate> registered =
                jdbc.queryForList("select day from report_registration where patient_id = ?", LocalDate.class, patient);
        return registered.isEmpty() || !registered.get(0).isBefore(day)
                ? Counter.NEW_PATIENT_VISITS
                : Counter.RETURNING_PATIENT_VISITS;
    }

    private Counter visitOf(PatientId patient, LocalDate day) {
        return visitOf(patient == null ? null : patient.value(), day);
    }

    private void add(Place place, Counter counter, int delta) {
        add(place.day(), place.department(), place.practitioner(), counter, delta);
    }

    private void add(LocalDate day, UUID department, UUID practitioner, Counter counter, int delta) {
        jdbc.update(
                "insert into report_census (day, department_id, practitioner_id, " + counter.column + ")"
                        + " values (?, ?, ?, ?) on conflict (day, department_id, practitioner_id) do update set "
                        + counter.column + " = report_census." + counter.column + " + excluded." + counter.column,
                day,
                department,
                practitioner,
                delta);
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, day.toString());
    }

    private void token(String assignment, TokenQueueId queue, int number, Object value) {
        int changed = jdbc.update(
                "update report_token set " + assignment + " where service_point_id = ? and day = ? and number = ?",
                value,
                queue.servicePointId().value(),
                queue.date(),
                number);
        if (changed == 1) {
            jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, queue.date().toString());
        }
    }
}
