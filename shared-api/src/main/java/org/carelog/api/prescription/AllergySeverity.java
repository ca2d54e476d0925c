package org.carelog.api.prescription;

/** How badly the patient reacted. */
public enum AllergySeverity {
    MILD,
    MODERATE,
    SEVERE
}
