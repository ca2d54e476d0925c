package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a set of vital signs (already in stored units) in an open encounter. */
public record RecordVitalSigns(@TargetAggregateIdentifier EncounterId encounterId, UUID vitalsId, VitalSigns signs) {}
