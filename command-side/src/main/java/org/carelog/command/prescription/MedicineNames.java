package org.carelog.command.prescription;

import java.util.Set;

/**
 * The names a medicine goes by, lower case, for matching prescriptions against allergies: the name itself; for a
 * generic of the DrugBank vocabulary (by id or by any of its names) its name and synonyms; for a brand of the
 * formulary, the names of its generic.
 */
public interface MedicineNames {

    Set<String> namesOf(String medicineCode, String name);
}
