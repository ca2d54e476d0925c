package org.carelog.api.clinical;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The clinician asks the patient to come back on a day ("come back in 7 days"); the patient is reminded before.
 *
 * @param dueOn the facility-local day of the follow-up visit
 * @param instructions what the patient should bring or do, or null (free text; never sent by SMS)
 */
public record PlanFollowUp(@TargetAggregateIdentifier EncounterId encounterId, LocalDate dueOn, String instructions) {}
