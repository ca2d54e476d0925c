package org.carelog.api.reference;

import java.time.Instant;

/** A classification release loaded into Carelog: how many codes, from which file, and its attribution. */
public record ClassificationRelease(
        CodeSystem system, String release, int codes, String sourceSha256, Instant loadedAt, String attribution) {}
