package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** The practitioner's consultation fees were changed; they apply to visits booked from now on. */
@Revision("1")
public record PractitionerFeesChanged(PractitionerId practitionerId, ConsultationFees fees) {}
