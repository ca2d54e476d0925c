package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.carelog.api.practitioner.PractitionerId;

/** A practitioner's appointments of one local day, in time order, every status included. */
public record FindDayCalendar(PractitionerId practitionerId, LocalDate date) {}
