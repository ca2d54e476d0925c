package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A declared holiday was withdrawn. */
@Revision("1")
public record HolidayCancelled(String calendarId, LocalDate date) {}
