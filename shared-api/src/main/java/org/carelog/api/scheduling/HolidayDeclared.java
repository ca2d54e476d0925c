package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The facility is closed on {@code date}. */
@Revision("1")
public record HolidayDeclared(String calendarId, LocalDate date, String name) {}
