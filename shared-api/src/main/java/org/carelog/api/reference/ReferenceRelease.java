package org.carelog.api.reference;

import java.time.Instant;

/**
 * A reference list loaded into Carelog ({@code ICD11_MMS}, {@code ICD10}, {@code LOINC}, {@code MEDICINE},
 * {@code DOSE_FORM}): how many entries, from which file, and the attribution its licence asks for.
 */
public record ReferenceRelease(
        String name, String release, int entries, String sourceSha256, Instant loadedAt, String attribution) {}
