package org.carelog.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AddLeave;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.CancelLeave;
import org.carelog.api.scheduling.ChangeDayAvailability;
import org.carelog.api.scheduling.DayAvailabilityChanged;
import org.carelog.api.scheduling.DayAvailabilityReverted;
import org.carelog.api.scheduling.LeaveAdded;
import org.carelog.api.scheduling.LeaveCancelled;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.api.scheduling.SetWeeklyAvailability;
import org.carelog.api.scheduling.WeeklyAvailabilitySet;
import org.carelog.command.practitioner.PractitionerRegistry;

/**
 * A practitioner's availability, part of the Practitioner aggregate (DESIGN.md): weekly sessions,
 * one-off changes of single days, and leave. Sessions must be at open service points and must not
 * overlap (a practitioner is in one place at a time). What this does to existing bookings is the
 * {@link AvailabilityWatcher}'s business.
 */
public class PractitionerAvailability {

    static final int MAX_SESSIONS = 20;
    static final int MAX_LEAVE_DAYS = 366;

    private List<AvailabilitySession> weekly = List.of();
    private final Map<LocalDate, List<AvailabilitySession>> oneOff = new HashMap<>();
    private final Map<LeaveId, LeaveAdded> leave = new HashMap<>();

    public PractitionerAvailability() {
        // created empty by the Practitioner aggregate
    }

    @CommandHandler
    void handle(SetWeeklyAvailability command, PractitionerRegistry registry) {
        List<AvailabilitySession> sessions = checked(command.sessions(), true, registry);
        if (sessions.equals(weekly)) {
            return;
        }
        apply(new WeeklyAvailabilitySet(command.practitionerId(), sessions));
    }

    @CommandHandler
    void handle(ChangeDayAvailability command, PractitionerRegistry registry, Clock clock) {
        if (command.date() == null) {
            throw CarelogException.validation("date", "is required");
        }
        if (command.date().isBefore(LocalDate.now(clock))) {
            throw CarelogException.validation("date", "has already passed");
        }
        if (command.revert()) {
            if (oneOff.containsKey(command.date())) {
                apply(new DayAvailabilityReverted(command.practitionerId(), command.date()));
            }
            return;
        }
        List<AvailabilitySession> sessions =
                checked(command.sessions() == null ? List.of() : command.sessions(), false, registry).stream()
                        .map(s -> withDay(s, command.date()))
                        .toList();
        if (sessions.equals(oneOff.get(command.date()))) {
            return;
        }
        apply(new DayAvailabilityChanged(command.practitionerId(), command.date(), sessions));
    }

    @CommandHandler
    void handle(AddLeave command, Clock clock) {
        Violations violations = new Violations();
        if (command.leaveId() == null) {
            violations.reject("leaveId", "is required");
        }
        if (command.from() == null) {
            violations.reject("from", "is required");
        }
        if (command.to() == null) {
            violations.reject("to", "is required");
        }
        String reason = violations.check("reason", () -> Text.required("reason", command.reason(), 200));
        if (command.from() != null && command.to() != null) {
            if (command.to().isBefore(command.from())) {
                violations.reject("to", "must not be before from");
            } else if (command.from().plusDays(MAX_LEAVE_DAYS).isBefore(command.to())) {
                violations.reject("to", "leave is at most " + MAX_LEAVE_DAYS + " days at a time");
            }
            if (command.to().isBefore(LocalDate.now(clock))) {
                violations.reject("to", "has already passed");
            }
        }
        violations.throwIfAny();
        if (leave.containsKey(command.leaveId())) {
            return;
        }
        apply(new LeaveAdded(command.practitionerId(), command.leaveId(), command.from(), command.to(), reason));
    }

    @CommandHandler
    void handle(CancelLeave command) {
        if (command.leaveId() == null) {
            throw CarelogException.validation("leaveId", "is required");
        }
        if (!leave.containsKey(command.leaveId())) {
            throw CarelogException.notFound("The practitioner has no leave " + command.leaveId());
        }
        apply(new LeaveCancelled(command.practitionerId(), command.leaveId()));
    }

    private static AvailabilitySession withDay(AvailabilitySession s, LocalDate date) {
        return new AvailabilitySession(
                s.servicePointId(),
                Set.of(date.getDayOfWeek()),
                s.start(),
                s.end(),
                s.slotMinutes(),
                s.capacity(),
                s.walkInPercent(),
                s.types());
    }

    private static List<AvailabilitySession> checked(
            List<AvailabilitySession> given, boolean needsDays, PractitionerRegistry registry) {
        if (given == null) {
            throw CarelogException.validation("sessions", "is required (an empty list removes every session)");
        }
        Violations violations = new Violations();
        if (given.size() > MAX_SESSIONS) {
            violations.reject("sessions", "at most " + MAX_SESSIONS + " sessions");
        }
        for (int i = 0; i < given.size(); i++) {
            AvailabilitySession session = given.get(i);
            String field = "sessions[" + i + "]";
            if (session == null) {
                violations.reject(field, "is required");
                continue;
            }
            session.check(field, violations, needsDays);
            ServicePointId place = session.servicePointId();
            if (place != null && registry.openServicePointDepartment(place).isEmpty()) {
                violations.reject(field + ".servicePointId", "is not an open service point of this facility");
            }
        }
        violations.throwIfAny();
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                if (given.get(i).overlaps(given.get(j))) {
                    violations.reject(
                            "sessions[" + j + "]",
                            "overlaps sessions[" + i + "]: a practitioner is in one place at a time");
                }
            }
        }
        violations.throwIfAny();
        return List.copyOf(given);
    }

    @EventSourcingHandler
    void on(WeeklyAvailabilitySet event) {
        weekly = event.sessions();
    }

    @EventSourcingHandler
    void on(DayAvailabilityChanged event) {
        oneOff.put(event.date(), event.sessions());
    }

    @EventSourcingHandler
    void on(DayAvailabilityReverted event) {
        oneOff.remove(event.date());
    }

    @EventSourcingHandler
    void on(LeaveAdded event) {
        leave.put(event.leaveId(), event);
    }

    @EventSourcingHandler
    void on(LeaveCancelled event) {
        leave.remove(event.leaveId());
    }
}
