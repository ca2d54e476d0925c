package org.carelog.api.prescription;

/** What a patient reacts to - a medicine, a food, or something in the environment (pollen, dust, latex). */
public enum AllergyCategory {
    DRUG,
    FOOD,
    ENVIRONMENT
}
