package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facility is closed on {@code date} (a public holiday such as Pohela Boishakh). */
public record DeclareHoliday(@TargetAggregateIdentifier String calendarId, LocalDate date, String name) {

    /** The facility's one calendar. */
    public static final String FACILITY = "facility-calendar";

    public static DeclareHoliday of(LocalDate date, String name) {
        return new DeclareHoliday(FACILITY, date, name);
    }
}
