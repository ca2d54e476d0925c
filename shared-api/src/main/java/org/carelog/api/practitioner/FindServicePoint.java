package org.carelog.api.practitioner;

/** Finds one service point by id. */
public record FindServicePoint(ServicePointId servicePointId) {}
