package org.carelog.api.practitioner;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a doctor's BMDC registration was renewed until a later day. */
public record RenewBmdcRegistration(@TargetAggregateIdentifier PractitionerId practitionerId, LocalDate expiresOn) {}
