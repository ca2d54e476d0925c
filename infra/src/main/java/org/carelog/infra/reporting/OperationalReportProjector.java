package org.carelog.infra.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 * rows' states summed. Counter changes are summed per census row over a batch of events and written, with
 * the token store, in the batch's transaction (one batched upsert), so a redelivered batch is never counted
 * twice; a rebuild starts from empty tables. Each batch notifies {@code carelog_dashboard} once per day it
 * changed, for the live dashboard.
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
        changed(pending -> pending.add(new CensusKey(day, department, practitioner), counter, delta));
    }

    private void token(String assignment, TokenQueueId queue, int number, Object value) {
        int changed = jdbc.update(
                "update report_token set " + assignment + " where service_point_id = ? and day = ? and number = ?",
                value,
                queue.servicePointId().value(),
                queue.date(),
                number);
        if (changed == 1) {
            changed(pending -> pending.days.add(queue.date()));
        }
    }

    /** Where a census row is. */
    private record CensusKey(LocalDate day, UUID department, UUID practitioner) {}

    /**
     * The counter changes and changed days of one batch of events, written when the batch commits: one batched
     * upsert per census row touched and one notice per day, instead of a statement and a notice per event.
     */
    private static final class Pending {
        final Map<CensusKey, int[]> deltas = new LinkedHashMap<>();
        final Set<LocalDate> days = new LinkedHashSet<>();

        void add(CensusKey key, Counter counter, int delta) {
            deltas.computeIfAbsent(key, k -> new int[COUNTERS.length])[counter.ordinal()] += delta;
            days.add(key.day());
        }
    }

    private static final String PENDING = OperationalReportProjector.class.getName() + ".pending";
    private static final Counter[] COUNTERS = Counter.values();
    private static final String UPSERT = "insert into report_census (day, department_id, practitioner_id, "
            + Arrays.stream(COUNTERS).map(c -> c.column).collect(Collectors.joining(", "))
            + ") values (?, ?, ?" + ", ?".repeat(COUNTERS.length)
            + ") on conflict (day, department_id, practitioner_id) do update set "
            + Arrays.stream(COUNTERS)
                    .map(c -> c.column + " = report_census." + c.column + " + excluded." + c.column)
                    .collect(Collectors.joining(", "));

    /** Records a change in this batch's pending changes, written before its unit of work commits (at once outside one). */
    private void changed(Consumer<Pending> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            Pending now = new Pending();
            change.accept(now);
            write(now);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        change.accept(root.getOrComputeResource(PENDING, key -> {
            Pending fresh = new Pending();
            root.onPrepareCommit(u -> write(fresh));
            return fresh;
        }));
    }

    private void write(Pending pending) {
        if (!pending.deltas.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(pending.deltas.size());
            pending.deltas.forEach((key, deltas) -> {
                Object[] row = new Object[3 + deltas.length];
                row[0] = key.day();
                row[1] = key.department();
                row[2] = key.practitioner();
                for (int i = 0; i < deltas.length; i++) {
                    row[3 + i] = deltas[i];
                }
                rows.add(row);
            });
            jdbc.batchUpdate(UPSERT, rows);
        }
        for (LocalDate day : pending.days) {
            jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, day.toString());
        }
        pending.deltas.clear();
        pending.days.clear();
    }
}
