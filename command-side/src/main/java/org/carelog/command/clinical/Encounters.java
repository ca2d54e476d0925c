package org.carelog.command.clinical;

import java.util.Optional;
import org.carelog.api.clinical.EncounterId;

/**
 * The command side's lookup of encounters, for other aggregates' rules (a prescription or a lab order belongs to
 * an open encounter of the same patient). Kept by the subscribing processor {@code encounter-lookup} in the
 * transaction of the encounter's own events, so it never disagrees with the event store.
 */
public interface Encounters {

    /** The encounter's facts; empty when there is no such encounter. */
    Optional<EncounterFacts> find(EncounterId encounter);
}
