package org.carelog.command.prescription;

import java.util.Optional;

/** The DrugBank generic names shipped as reference data: an allergy recorded by medicine code takes its name here. */
public interface MedicineVocabulary {

    /** The generic name of a DrugBank id; empty when unknown. */
    Optional<String> genericName(String medicineCode);
}
