package org.carelog.api.patient;

/**
 * Searches the patient directory by MRN, phone number, national id, birth registration number or name
 * (partial, either script). Results come in MRN order; {@code afterSequence} continues a page.
 */
public record SearchPatients(String text, int limit, long afterSequence) {}
