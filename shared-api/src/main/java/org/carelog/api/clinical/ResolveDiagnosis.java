package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a diagnosis resolved (no longer an active problem), with a reason; possible after signing too. */
public record ResolveDiagnosis(@TargetAggregateIdentifier EncounterId encounterId, UUID diagnosisId, String reason) {}
