package org.carelog.api.prescription;

/** Whether an allergy is still believed true; ENTERED_IN_ERROR marks one recorded by mistake (it stays in the history). */
public enum AllergyStatus {
    ACTIVE,
    INACTIVE,
    ENTERED_IN_ERROR
}
