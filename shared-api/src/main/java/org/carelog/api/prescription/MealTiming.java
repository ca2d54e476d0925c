package org.carelog.api.prescription;

/** When a dose is taken relative to meals. */
public enum MealTiming {
    BEFORE_MEALS,
    AFTER_MEALS,
    ANY_TIME
}
