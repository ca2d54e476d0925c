package org.carelog.command.scheduling;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.scheduling.AppointmentBooking;
import org.carelog.api.scheduling.BookSlot;
import org.carelog.api.scheduling.RescheduleAppointment;
import org.carelog.command.practitioner.PractitionerRegistry;
import org.springframework.stereotype.Component;

/**
 * Moves an appointment between two day schedules in one transaction: the old place is freed and the
 * new slot booked (with every rule of a booking), or neither happens. Both aggregates are loaded in the
 * command's unit of work, so their events commit together and each stream's sequence check still
 * guards its day.
 */
@Component
class Rescheduling {

    private final Configuration axon;
    private final SchedulingRegistry registry;
    private final PractitionerRegistry places;
    private final Clock clock;

    Rescheduling(Configuration axon, SchedulingRegistry registry, PractitionerRegistry places, Clock clock) {
        this.axon = axon;
        this.registry = registry;
        this.places = places;
        this.clock = clock;
    }

    @CommandHandler
    AppointmentBooking handle(RescheduleAppointment command) throws Exception {
        String reason = Text.required("reason", command.reason(), DaySchedule.MAX_NOTE);
        if (command.newSlotStart() == null) {
            throw CarelogException.validation("start", "is required");
        }
        Repository<DaySchedule> schedules = axon.repository(DaySchedule.class);
        Aggregate<DaySchedule> from = schedules.load(command.scheduleId().toString());
        BookSlot booking = from.invoke(day -> new BookSlot(
                command.newScheduleId(),
                command.newAppointmentId(),
                day.patientOf(command.appointmentId()),
                command.newSlotStart(),
                command.type() != null ? command.type() : day.typeOf(command.appointmentId()),
                day.visitKindOf(command.appointmentId()),
                false,
                null,
                null));
        from.execute(day -> day.moveOut(
                command.appointmentId(), command.newScheduleId(), command.newAppointmentId(), reason, registry));
        Aggregate<DaySchedule> to = command.newScheduleId().equals(command.scheduleId())
                ? from
                : schedules.loadOrCreate(command.newScheduleId().toString(), DaySchedule::new);
        return to.invoke(day -> day.book(booking, command.appointmentId(), registry, places, clock));
    }
}
