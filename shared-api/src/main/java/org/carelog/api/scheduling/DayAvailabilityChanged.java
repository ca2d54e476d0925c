package org.carelog.api.scheduling;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.PractitionerId;

/** On {@code date} the practitioner works exactly these sessions instead of the weekly ones (none: day off). */
@Revision("1")
public record DayAvailabilityChanged(
        PractitionerId practitionerId, LocalDate date, List<AvailabilitySession> sessions) {

    public DayAvailabilityChanged {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
