package org.carelog.api.reference;

import java.util.List;

/**
 * One entry of a catalogue. LOINC: {@code code} is the LOINC number, {@code name} the long common name,
 * {@code detail} the short name, {@code category} the LOINC class, {@code rank} how commonly it is ordered.
 * MEDICINE: the DrugBank id, the generic name and its {@code synonyms} (other spellings, INN/BAN names such as
 * Paracetamol for Acetaminophen). DOSE_FORM: the code, display name and definition.
 */
public record CatalogueEntry(
        Catalogue catalogue,
        String code,
        String name,
        String detail,
        String category,
        List<String> synonyms,
        Integer rank) {}
