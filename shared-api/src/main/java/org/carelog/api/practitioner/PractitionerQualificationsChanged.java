package org.carelog.api.practitioner;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The practitioner's list of qualifications was changed (the whole new list, in order). */
@Revision("1")
public record PractitionerQualificationsChanged(PractitionerId practitionerId, List<String> qualifications) {

    public PractitionerQualificationsChanged {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }
}
