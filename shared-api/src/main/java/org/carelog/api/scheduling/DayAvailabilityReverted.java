package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.PractitionerId;

/** The one-off change of {@code date} was removed: the weekly sessions apply that day again. */
@Revision("1")
public record DayAvailabilityReverted(PractitionerId practitionerId, LocalDate date) {}
