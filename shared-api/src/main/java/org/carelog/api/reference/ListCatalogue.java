package org.carelog.api.reference;

/** Every entry of a small catalogue (dose forms), by name. */
public record ListCatalogue(Catalogue catalogue) {}
