package org.carelog.api.reference;

/** One catalogue entry by its code. */
public record FindCatalogueEntry(Catalogue catalogue, String code) {}
