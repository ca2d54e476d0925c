package org.carelog.api.reference;

/** The reference lists loaded into Carelog; {@code name} narrows to one (null: all). */
public record ListReferenceReleases(String name) {}
