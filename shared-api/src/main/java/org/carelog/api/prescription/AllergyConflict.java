package org.carelog.api.prescription;

/**
 * An active allergy that a prescribed medicine matches, overridden by the prescriber.
 *
 * @param medicine the generic (or brand) name prescribed
 * @param substance the allergy's substance name
 */
public record AllergyConflict(AllergyId allergyId, String medicine, String substance) {}
