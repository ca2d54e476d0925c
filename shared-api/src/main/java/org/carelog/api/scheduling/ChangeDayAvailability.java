package org.carelog.api.scheduling;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/**
 * A one-off change of one day: these sessions replace the weekly ones on {@code date} (an empty list
 * takes the day off). {@code revert} removes an earlier one-off change, so the weekly sessions apply again.
 */
public record ChangeDayAvailability(
        @TargetAggregateIdentifier PractitionerId practitionerId,
        LocalDate date,
        List<AvailabilitySession> sessions,
        boolean revert) {}
