package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facility opens on a day declared a holiday after all. */
public record CancelHoliday(@TargetAggregateIdentifier String calendarId, LocalDate date) {

    public static CancelHoliday of(LocalDate date) {
        return new CancelHoliday(DeclareHoliday.FACILITY, date);
    }
}
