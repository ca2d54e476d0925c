package org.carelog.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.scheduling.CancelHoliday;
import org.carelog.api.scheduling.DeclareHoliday;
import org.carelog.api.scheduling.HolidayCancelled;
import org.carelog.api.scheduling.HolidayDeclared;

/** The facility's holidays: one calendar for the facility, created by its first holiday. */
@Aggregate
class FacilityCalendar {

    @AggregateIdentifier
    private String calendarId;

    private final Set<LocalDate> holidays = new HashSet<>();

    FacilityCalendar() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareHoliday command) {
        if (command.date() == null) {
            throw CarelogException.validation("date", "is required");
        }
        String name = Text.required("name", command.name(), 100);
        if (holidays.contains(command.date())) {
            return;
        }
        apply(new HolidayDeclared(command.calendarId(), command.date(), name));
    }

    @CommandHandler
    void handle(CancelHoliday command) {
        if (command.date() == null) {
            throw CarelogException.validation("date", "is required");
        }
        if (!holidays.contains(command.date())) {
            throw CarelogException.notFound("No holiday is declared on " + command.date());
        }
        apply(new HolidayCancelled(calendarId, command.date()));
    }

    @EventSourcingHandler
    void on(HolidayDeclared event) {
        calendarId = event.calendarId();
        holidays.add(event.date());
    }

    @EventSourcingHandler
    void on(HolidayCancelled event) {
        holidays.remove(event.date());
    }
}
