package org.carelog.command.scheduling;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.practitioner.BmdcRegistrationRenewed;
import org.carelog.api.practitioner.PractitionerLanguagesChanged;
import org.carelog.api.practitioner.PractitionerRegistered;
import org.carelog.api.practitioner.PractitionerSpecialtyChanged;
import org.carelog.api.practitioner.PractitionerTransferred;
import org.carelog.api.scheduling.DayAvailabilityChanged;
import org.carelog.api.scheduling.DayAvailabilityReverted;
import org.carelog.api.scheduling.HolidayCancelled;
import org.carelog.api.scheduling.HolidayDeclared;
import org.carelog.api.scheduling.LeaveAdded;
import org.carelog.api.scheduling.LeaveCancelled;
import org.carelog.api.scheduling.WeeklyAvailabilitySet;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link SchedulingRegistry}'s view of practitioners, availability and holidays. A
 * <em>subscribing</em> processor (application.yml): it runs while the events are being committed, in
 * their transaction, so a booking never sees availability the event store does not have, nor misses
 * one it has. Never read from a projection.
 */
@Component
@ReadModelTables({
    "scheduling_practitioner",
    "scheduling_session",
    "scheduling_holiday",
    "scheduling_leave",
    "scheduling_one_off_day"
})
@ProcessingGroup(SchedulingLookupUpdater.PROCESSING_GROUP)
class SchedulingLookupUpdater {

    static final String PROCESSING_GROUP = "scheduling-lookup";

    private final SchedulingRegistry registry;

    SchedulingLookupUpdater(SchedulingRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(PractitionerRegistered event) {
        registry.recordPractitioner(
                event.practitionerId(),
                event.name(),
                event.role(),
                event.bmdc() == null ? null : event.bmdc().expiresOn(),
                event.specialty(),
                event.departmentId(),
                event.languages());
    }

    @EventHandler
    void on(BmdcRegistrationRenewed event) {
        registry.recordBmdcExpiry(event.practitionerId(), event.expiresOn());
    }

    @EventHandler
    void on(PractitionerSpecialtyChanged event) {
        registry.recordSpecialty(event.practitionerId(), event.specialty());
    }

    @EventHandler
    void on(PractitionerLanguagesChanged event) {
        registry.recordLanguages(event.practitionerId(), event.languages());
    }

    @EventHandler
    void on(PractitionerTransferred event) {
        registry.recordDepartment(event.practitionerId(), event.departmentId());
    }

    @EventHandler
    void on(WeeklyAvailabilitySet event) {
        registry.recordWeeklySessions(event.practitionerId(), event.sessions());
    }

    @EventHandler
    void on(DayAvailabilityChanged event) {
        registry.recordOneOffSessions(event.practitionerId(), event.date(), event.sessions());
    }

    @EventHandler
    void on(DayAvailabilityReverted event) {
        registry.recordOneOffSessions(event.practitionerId(), event.date(), null);
    }

    @EventHandler
    void on(LeaveAdded event) {
        registry.recordLeave(event.practitionerId(), event.leaveId(), event.from(), event.to());
    }

    @EventHandler
    void on(LeaveCancelled event) {
        registry.removeLeave(event.practitionerId(), event.leaveId());
    }

    @EventHandler
    void on(HolidayDeclared event) {
        registry.recordHoliday(event.date(), true);
    }

    @EventHandler
    void on(HolidayCancelled event) {
        registry.recordHoliday(event.date(), false);
    }
}
