package org.carelog.api.clinical;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The attending clinician (a doctor) signs and so closes the encounter. */
public record SignEncounter(@TargetAggregateIdentifier EncounterId encounterId) {}
