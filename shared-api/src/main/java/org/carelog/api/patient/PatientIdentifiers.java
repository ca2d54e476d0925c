package org.carelog.api.patient;

/** Government identity numbers; each, when present, belongs to one patient only. */
public record PatientIdentifiers(NationalId nationalId, BirthRegistrationNumber birthRegistrationNumber) {

    public static PatientIdentifiers none() {
        return new PatientIdentifiers(null, null);
    }
}
