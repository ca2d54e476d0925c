package org.carelog.api.reference;

/** Reference catalogues other than diagnosis classifications. */
public enum Catalogue {
    /** Lab tests: LOINC Top 2000+ common lab observations, SI edition (LOINC licence). */
    LOINC,
    /** Generic medicine names with their synonyms: the DrugBank open vocabulary (CC0). */
    MEDICINE,
    /** Dose forms of Bangladesh's Core FHIR guide (CC0). */
    DOSE_FORM
}
