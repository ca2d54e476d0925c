package org.carelog.command.lab;

import java.util.Optional;

/** The lab tests Carelog knows (the LOINC catalogue shipped as reference data). */
public interface LabCatalogue {

    /** The test's long common name, when the LOINC number is in the catalogue. */
    Optional<String> testName(String loincNumber);
}
