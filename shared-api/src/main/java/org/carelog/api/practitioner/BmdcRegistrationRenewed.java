package org.carelog.api.practitioner;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A doctor's BMDC registration (same number) is now valid until a later day. */
@Revision("1")
public record BmdcRegistrationRenewed(PractitionerId practitionerId, BmdcNumber number, LocalDate expiresOn) {}
