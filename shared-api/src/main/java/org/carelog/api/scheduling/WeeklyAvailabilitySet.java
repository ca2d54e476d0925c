package org.carelog.api.scheduling;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.PractitionerId;

/** A practitioner's weekly availability is now exactly these sessions. */
@Revision("1")
public record WeeklyAvailabilitySet(PractitionerId practitionerId, List<AvailabilitySession> sessions) {

    public WeeklyAvailabilitySet {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
