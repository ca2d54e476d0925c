package org.carelog.api.reference;

/** The classification releases loaded into Carelog. The field keeps the query serializable. */
public record ListClassificationReleases(CodeSystem system) {}
