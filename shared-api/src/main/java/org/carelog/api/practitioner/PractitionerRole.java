package org.carelog.api.practitioner;

/** What a practitioner does in the facility. Doctors (and dentists) must hold a BMDC registration. */
public enum PractitionerRole {
    DOCTOR,
    NURSE,
    MIDWIFE,
    TECHNICIAN,
    PHARMACIST,
    PHYSIOTHERAPIST
}
