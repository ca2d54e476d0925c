package org.carelog.api.reference;

/** Diagnosis classifications Carelog can code with. */
public enum CodeSystem {
    /** WHO ICD-11 for Mortality and Morbidity Statistics, shipped with Carelog (CC BY-ND 3.0 IGO). */
    ICD11_MMS("http://id.who.int/icd/release/11/mms"),
    /** WHO ICD-10, not shipped: imported by a facility that holds a licence for it. */
    ICD10("http://hl7.org/fhir/sid/icd-10");

    private final String fhirSystem;

    CodeSystem(String fhirSystem) {
        this.fhirSystem = fhirSystem;
    }

    /** The system URI to use in FHIR codings. */
    public String fhirSystem() {
        return fhirSystem;
    }
}
