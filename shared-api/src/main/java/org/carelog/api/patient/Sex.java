package org.carelog.api.patient;

/** Administrative sex, as recorded at registration. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
