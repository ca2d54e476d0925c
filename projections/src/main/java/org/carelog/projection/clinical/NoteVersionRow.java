package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.NoteSection;

/** One version of one section of an encounter's notes; {@code text} and {@code reason} are null after erasure. */
public record NoteVersionRow(
        UUID encounterId,
        NoteSection section,
        int version,
        UUID patientId,
        String text,
        boolean amendment,
        String reason,
        String author,
        String authorRole,
        Instant writtenAt) {}
