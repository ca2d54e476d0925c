package org.carelog.query.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.scheduling.AppointmentRecord;
import org.carelog.api.scheduling.AppointmentSummary;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.AvailableSlot;
import org.carelog.api.scheduling.DayPlan;
import org.carelog.api.scheduling.FacilityWeek;
import org.carelog.api.scheduling.FindAppointment;
import org.carelog.api.scheduling.FindAppointmentsNeedingRebooking;
import org.carelog.api.scheduling.FindAvailableSlots;
import org.carelog.api.scheduling.FindDayCalendar;
import org.carelog.api.scheduling.FindDepartmentAppointments;
import org.carelog.api.scheduling.FindPatientAppointments;
import org.carelog.api.scheduling.Slot;
import org.carelog.projection.practitioner.PractitionerDirectoryEntry;
import org.carelog.projection.practitioner.PractitionerDirectoryRepository;
import org.carelog.projection.scheduling.AppointmentEntry;
import org.carelog.projection.scheduling.AppointmentHistoryEntry;
import org.carelog.projection.scheduling.AppointmentHistoryRepository;
import org.carelog.projection.scheduling.AppointmentRepository;
import org.carelog.projection.scheduling.AvailabilitySessionEntry;
import org.carelog.projection.scheduling.AvailabilitySessionRepository;
import org.carelog.projection.scheduling.HolidayEntry;
import org.carelog.projection.scheduling.HolidayRepository;
import org.carelog.projection.scheduling.LeaveEntry;
import org.carelog.projection.scheduling.LeaveRepository;
import org.carelog.projection.scheduling.OneOffDayRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers scheduling queries from the read models. Free slots are derived with the same {@link DayPlan}
 * the command side books against, minus the places the calendar shows as held.
 */
@Component
class SchedulingQueryHandler {

    static final int MAX_DAYS = 31;

    private final AvailabilitySessionRepository sessions;
    private final OneOffDayRepository oneOffDays;
    private final LeaveRepository leave;
    private final HolidayRepository holidays;
    private final AppointmentRepository appointments;
    private final AppointmentHistoryRepository history;
    private final PractitionerDirectoryRepository practitioners;
    private final FacilityWeek week;
    private final Clock clock;

    SchedulingQueryHandler(
            AvailabilitySessionRepository sessions,
            OneOffDayRepository oneOffDays,
            LeaveRepository leave,
            HolidayRepository holidays,
            AppointmentRepository appointments,
            AppointmentHistoryRepository history,
            PractitionerDirectoryRepository practitioners,
            FacilityWeek week,
            Clock clock) {
        this.sessions = sessions;
        this.oneOffDays = oneOffDays;
        this.leave = leave;
        this.holidays = holidays;
        this.appointments = appointments;
        this.history = history;
        this.practitioners = practitioners;
        this.week = week;
        this.clock = clock;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<AvailableSlot> availableSlots(FindAvailableSlots query) {
        if (query.from() == null || query.to() == null) {
            throw CarelogException.validation("from", "from and to are required");
        }
        if (query.to().isBefore(query.from())) {
            throw CarelogException.validation("to", "must not be before from");
        }
        if (query.from().plusDays(MAX_DAYS - 1).isBefore(query.to())) {
            throw CarelogException.validation("to", "at most " + MAX_DAYS + " days at a time");
        }
        List<PractitionerSummary> who = (query.practitionerId() != null
                        ? practitioners.findById(query.practitionerId().value()).stream()
                        : query.specialty() == null
                                ? practitioners.findAllByOrderByDisplayNameAscPractitionerIdAsc().stream()
                                : practitioners
                                        .findBySpecialtyIgnoreCase(
                                                query.specialty().strip())
                                        .stream())
                .map(PractitionerDirectoryEntry::toSummary)
                .toList();
        if (who.isEmpty()) {
            return List.of();
        }
        List<UUID> ids =
                who.stream().map(p -> UUID.fromString(p.practitionerId())).toList();
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Map<UUID, List<AvailabilitySessionEntry>> sessionsOf = sessions.findFor(ids, query.from(), query.to()).stream()
                .collect(Collectors.groupingBy(AvailabilitySessionEntry::practitionerId));
        Set<String> oneOff = oneOffDays.findFor(ids, query.from(), query.to()).stream()
                .map(d -> d.practitionerId() + "_" + d.onDate())
                .collect(Collectors.toSet());
        Map<UUID, List<LeaveEntry>> leaveOf = leave.findFor(ids, query.from(), query.to()).stream()
                .collect(Collectors.groupingBy(LeaveEntry::practitionerId));
        Set<LocalDate> closed = holidays.findByOnDateBetweenOrderByOnDate(query.from(), query.to()).stream()
                .map(HolidayEntry::onDate)
                .collect(Collectors.toSet());
        Map<String, int[]> held = new HashMap<>();
        for (Object[] row : appointments.heldPlaces(
                ids,
                query.from().atStartOfDay(zone).toInstant(),
                query.to().plusDays(1).atStartOfDay(zone).toInstant())) {
            held.computeIfAbsent(row[0] + "_" + row[1], k -> new int[2])[Boolean.TRUE.equals(row[2]) ? 1 : 0] +=
                    ((Number) row[3]).intValue();
        }
        List<AvailableSlot> free = new ArrayList<>();
        for (PractitionerSummary practitioner : who) {
            UUID id = UUID.fromString(practitioner.practitionerId());
            List<AvailabilitySessionEntry> mine = sessionsOf.getOrDefault(id, List.of());
            List<AvailabilitySession> weekly = mine.stream()
                    .filter(s -> s.onDate() == null)
                    .map(AvailabilitySessionEntry::toSession)
                    .toList();
            for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
                if (!registeredOn(practitioner, date)) {
                    continue;
                }
                LocalDate day = date;
                List<AvailabilitySession> ofDay = oneOff.contains(id + "_" + day)
                        ? mine.stream()
                                .filter(s -> day.equals(s.onDate()))
                                .map(AvailabilitySessionEntry::toSession)
                                .toList()
                        : null;
                boolean onLeave = leaveOf.getOrDefault(id, List.of()).stream().anyMatch(l -> l.covers(day));
                DayPlan plan = DayPlan.of(day, weekly, ofDay, onLeave, closed.contains(day), week.offDay());
                for (Slot slot : plan.slots(zone)) {
                    if (!slot.start().isAfter(now)
                            || (query.type() != null && !slot.types().contains(query.type()))) {
                        continue;
                    }
                    int[] counts = held.getOrDefault(id + "_" + slot.start(), new int[2]);
                    int places =
                            Math.min(slot.appointmentPlaces() - counts[0], slot.capacity() - counts[0] - counts[1]);
                    if (places > 0) {
                        free.add(new AvailableSlot(
                                practitioner.practitionerId(),
                                slot.servicePointId().toString(),
                                slot.start(),
                                slot.end(),
                                slot.capacity(),
                                places,
                                slot.types()));
                    }
                }
            }
        }
        free.sort(Comparator.comparing(AvailableSlot::start).thenComparing(AvailableSlot::practitionerId));
        return free;
    }

    /** The booking rule of the command side: a doctor needs a BMDC registration valid that day. */
    private static boolean registeredOn(PractitionerSummary practitioner, LocalDate date) {
        return practitioner.role() != PractitionerRole.DOCTOR
                || (practitioner.bmdcExpiresOn() != null && !date.isAfter(practitioner.bmdcExpiresOn()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<AppointmentSummary> dayCalendar(FindDayCalendar query) {
        return summaries(appointments.findByPractitionerIdAndScheduleDateOrderByStartAt(
                query.practitionerId().value(), query.date()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<AppointmentSummary> departmentAppointments(FindDepartmentAppointments query) {
        return summaries(appointments.findByDepartmentIdAndScheduleDateOrderByStartAt(
                query.departmentId().value(), query.date()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<AppointmentSummary> patientAppointments(FindPatientAppointments query) {
        UUID patient = query.patientId().value();
        if (query.upcoming()) {
            Instant from = query.afterStart() == null
                    ? query.now()
                    : query.afterStart().plusNanos(1);
            return summaries(appointments.findByPatientIdAndStartAtGreaterThanEqualOrderByStartAtAsc(
                    patient, from, Limit.of(query.limit())));
        }
        Instant before = query.afterStart() == null ? query.now() : query.afterStart();
        return summaries(appointments.findByPatientIdAndStartAtLessThanOrderByStartAtDesc(
                patient, before, Limit.of(query.limit())));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<AppointmentSummary> needingRebooking(FindAppointmentsNeedingRebooking query) {
        Instant after = query.afterStart() == null ? Instant.EPOCH : query.afterStart();
        return summaries(appointments.needingRebooking(after, Limit.of(query.limit())));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    AppointmentRecord appointment(FindAppointment query) {
        return appointments
                .findById(query.appointmentId().value())
                .map(a -> new AppointmentRecord(
                        a.toSummary(),
                        history
                                .findByAppointmentIdOrderByAt(
                                        query.appointmentId().value())
                                .stream()
                                .map(AppointmentHistoryEntry::toTransition)
                                .toList()))
                .orElse(null);
    }

    private static List<AppointmentSummary> summaries(List<AppointmentEntry> rows) {
        return rows.stream().map(AppointmentEntry::toSummary).toList();
    }
}
