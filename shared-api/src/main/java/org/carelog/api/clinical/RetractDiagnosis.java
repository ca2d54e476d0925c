package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a diagnosis recorded in error, with a reason; possible after signing too (an amendment). */
public record RetractDiagnosis(@TargetAggregateIdentifier EncounterId encounterId, UUID diagnosisId, String reason) {}
