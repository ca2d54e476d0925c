package org.carelog.api.patient;

/** The language a patient wants to be spoken and written to in. */
public enum Language {
    BN,
    EN
}
