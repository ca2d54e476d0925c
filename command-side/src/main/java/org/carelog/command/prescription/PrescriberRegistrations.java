package org.carelog.command.prescription;

import java.util.Optional;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.PractitionerId;

/** A practitioner's current BMDC registration, read from the Practitioner's own events when the command runs. */
public interface PrescriberRegistrations {

    Optional<BmdcRegistration> registrationOf(PractitionerId practitioner);
}
