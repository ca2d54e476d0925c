package org.carelog.command.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.scheduling.DayAvailabilityChanged;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.HolidayDeclared;
import org.carelog.api.scheduling.LeaveAdded;
import org.carelog.api.scheduling.ReviewBookings;
import org.carelog.api.scheduling.WeeklyAvailabilitySet;
import org.springframework.stereotype.Component;

/**
 * Process manager: when availability shrinks under existing bookings (leave, a holiday, a changed
 * week or day), asks each affected day schedule to review its bookings, which flags the ones that no
 * longer fit. Bookings are never dropped. A tracking processor (durable position): a crash between
 * the availability change and the review resumes where it stopped; reviews are idempotent.
 */
@Component
@ProcessingGroup(AvailabilityWatcher.PROCESSING_GROUP)
@DisallowReplay
class AvailabilityWatcher {

    static final String PROCESSING_GROUP = "scheduling-rebooking";
    static final int HORIZON_DAYS = 400;

    private final SchedulingRegistry registry;
    private final ScheduleCommands commands;
    private final Clock clock;

    AvailabilityWatcher(SchedulingRegistry registry, ScheduleCommands commands, Clock clock) {
        this.registry = registry;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(LeaveAdded event, @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        review(event.practitionerId(), event.from(), event.to(), requestId);
    }

    @EventHandler
    void on(DayAvailabilityChanged event, @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        review(event.practitionerId(), event.date(), event.date(), requestId);
    }

    @EventHandler
    void on(WeeklyAvailabilitySet event, @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        LocalDate today = LocalDate.now(clock);
        review(event.practitionerId(), today, today.plusDays(HORIZON_DAYS), requestId);
    }

    @EventHandler
    void on(HolidayDeclared event, @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        review(null, event.date(), event.date(), requestId);
    }

    private void review(PractitionerId practitioner, LocalDate from, LocalDate to, String requestId) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from.isBefore(today) ? today : from;
        if (start.isAfter(to)) {
            return;
        }
        for (DayScheduleId day : registry.daysWithBookings(practitioner, start, to)) {
            commands.sendAs(ScheduleCommands.SCHEDULER, new ReviewBookings(day), null, requestId);
        }
    }
}
