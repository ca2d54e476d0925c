package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.VitalSigns;

/** One set of vital signs; {@code signs} holds nulls after erasure. */
public record VitalsRow(
        UUID vitalsId, UUID encounterId, UUID patientId, Instant takenAt, String recordedBy, VitalSigns signs) {}
