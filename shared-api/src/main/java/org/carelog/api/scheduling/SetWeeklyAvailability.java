package org.carelog.api.scheduling;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.practitioner.PractitionerId;

/** Replaces a practitioner's weekly availability with these sessions (an empty list: none). */
public record SetWeeklyAvailability(
        @TargetAggregateIdentifier PractitionerId practitionerId, List<AvailabilitySession> sessions) {}
