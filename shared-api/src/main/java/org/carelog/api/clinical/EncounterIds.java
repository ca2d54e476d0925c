package org.carelog.api.clinical;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.carelog.api.queue.TokenId;

/**
 * Encounter ids derived from what a visit was opened from, so that opening twice from the same appointment or
 * token finds the same encounter: a name-based UUID of {@code appointment:<id>} or {@code token:<id>}. A token
 * issued for a checked-in appointment leads to the appointment's encounter.
 */
public final class EncounterIds {

    private EncounterIds() {}

    public static EncounterId forAppointment(UUID appointmentId) {
        return named("appointment:" + appointmentId);
    }

    public static EncounterId forToken(TokenId token) {
        return named("token:" + token);
    }

    private static EncounterId named(String name) {
        return new EncounterId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
}
