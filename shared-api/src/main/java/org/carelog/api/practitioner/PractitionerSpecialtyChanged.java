package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** The practitioner's specialty was changed; null when it was removed. */
@Revision("1")
public record PractitionerSpecialtyChanged(PractitionerId practitionerId, String specialty) {}
