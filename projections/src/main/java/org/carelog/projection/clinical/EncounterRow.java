package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.EncounterType;

/** One encounter as the chart shows it. */
public record EncounterRow(
        UUID encounterId,
        UUID patientId,
        EncounterType type,
        EncounterOrigin origin,
        UUID appointmentId,
        String tokenId,
        UUID attendingId,
        EncounterStatus status,
        Instant openedAt,
        String openedBy,
        Instant signedAt,
        String signedBy) {

    EncounterRow signed(Instant at, String by) {
        return new EncounterRow(
                encounterId,
                patientId,
                type,
                origin,
                appointmentId,
                tokenId,
                attendingId,
                EncounterStatus.SIGNED,
                openedAt,
                openedBy,
                at,
                by);
    }
}
