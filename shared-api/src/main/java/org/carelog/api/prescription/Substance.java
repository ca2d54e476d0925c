package org.carelog.api.prescription;

/**
 * What a patient is allergic to: a medicine of the DrugBank vocabulary ({@code code} its DrugBank id, {@code
 * name} its generic name) or free text for anything else ({@code code} null), such as "prawns" or "latex".
 */
public record Substance(String code, String name) {}
