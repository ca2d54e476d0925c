package org.carelog.api.reference;

/** Finds catalogue entries by code or by words of their names and synonyms, best matches first. */
public record SearchCatalogue(Catalogue catalogue, String text, int limit) {}
