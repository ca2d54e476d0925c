package org.carelog.api.prescription;

/** Formulary products whose brand or generic name matches {@code text} (prefix or words), at most {@code limit}. */
public record SearchFormulary(String text, int limit) {}
