package org.carelog.projection.scheduling;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.scheduling.DayAvailabilityChanged;
import org.carelog.api.scheduling.DayAvailabilityReverted;
import org.carelog.api.scheduling.HolidayCancelled;
import org.carelog.api.scheduling.HolidayDeclared;
import org.carelog.api.scheduling.LeaveAdded;
import org.carelog.api.scheduling.LeaveCancelled;
import org.carelog.api.scheduling.WeeklyAvailabilitySet;
import org.springframework.stereotype.Component;

/**
 * Builds the availability read tables from which {@code availableSlots} derives slots (with the same
 * pure {@code DayPlan} the command side uses). Idempotent: each handler replaces what the event states.
 */
@Component
@ReadModelTables({"availability_session_view", "availability_one_off_view", "holiday_view", "availability_leave_view"})
@ProcessingGroup(SlotAvailabilityProjector.PROCESSING_GROUP)
class SlotAvailabilityProjector {

    static final String PROCESSING_GROUP = "slot-availability";

    private final AvailabilitySessionRepository sessions;
    private final OneOffDayRepository oneOffDays;
    private final LeaveRepository leave;
    private final HolidayRepository holidays;

    SlotAvailabilityProjector(
            AvailabilitySessionRepository sessions,
            OneOffDayRepository oneOffDays,
            LeaveRepository leave,
            HolidayRepository holidays) {
        this.sessions = sessions;
        this.oneOffDays = oneOffDays;
        this.leave = leave;
        this.holidays = holidays;
    }

    // Row ids derive from the event's identifier (and the session's place in it), so a rebuild writes the same
    // rows as the live projection did (the replay check compares them).

    @EventHandler
    void on(WeeklyAvailabilitySet event, @MessageIdentifier String eventId) {
        sessions.deleteWeekly(event.practitionerId().value());
        sessions.saveAll(entries(event.practitionerId().value(), null, event.sessions(), eventId));
    }

    @EventHandler
    void on(DayAvailabilityChanged event, @MessageIdentifier String eventId) {
        revert(event.practitionerId().value(), event.date());
        oneOffDays.save(
                OneOffDayEntry.of(rowId(eventId, -1), event.practitionerId().value(), event.date()));
        sessions.saveAll(entries(event.practitionerId().value(), event.date(), event.sessions(), eventId));
    }

    private static java.util.List<AvailabilitySessionEntry> entries(
            java.util.UUID practitioner,
            java.time.LocalDate onDate,
            java.util.List<org.carelog.api.scheduling.AvailabilitySession> sessions,
            String eventId) {
        return java.util.stream.IntStream.range(0, sessions.size())
                .mapToObj(i -> AvailabilitySessionEntry.of(rowId(eventId, i), practitioner, onDate, sessions.get(i)))
                .toList();
    }

    private static java.util.UUID rowId(String eventId, int index) {
        return java.util.UUID.nameUUIDFromBytes(
                (eventId + "/" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @EventHandler
    void on(DayAvailabilityReverted event) {
        revert(event.practitionerId().value(), event.date());
    }

    private void revert(java.util.UUID practitioner, java.time.LocalDate date) {
        sessions.deleteOneOff(practitioner, date);
        oneOffDays.deleteDay(practitioner, date);
        oneOffDays.flush();
    }

    @EventHandler
    void on(LeaveAdded event) {
        if (!leave.existsById(event.leaveId().value())) {
            leave.save(LeaveEntry.of(
                    event.leaveId().value(), event.practitionerId().value(), event.from(), event.to(), event.reason()));
        }
    }

    @EventHandler
    void on(LeaveCancelled event) {
        leave.deleteById(event.leaveId().value());
    }

    @EventHandler
    void on(HolidayDeclared event) {
        if (!holidays.existsById(event.date())) {
            holidays.save(HolidayEntry.of(event.date(), event.name()));
        }
    }

    @EventHandler
    void on(HolidayCancelled event) {
        holidays.deleteById(event.date());
    }

    @ResetHandler
    void reset() {
        sessions.deleteAllInBatch();
        oneOffDays.deleteAllInBatch();
        leave.deleteAllInBatch();
        holidays.deleteAllInBatch();
    }
}
