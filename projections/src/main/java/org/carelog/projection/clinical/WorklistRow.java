package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a doctor's worklist: a checked-in appointment with no encounter yet ({@code APPOINTMENT}), a
 * called token with no encounter yet ({@code TOKEN}), or an open encounter they attend ({@code ENCOUNTER}).
 */
public record WorklistRow(
        String kind, UUID patientId, UUID appointmentId, String tokenId, String label, UUID encounterId, Instant at) {}
