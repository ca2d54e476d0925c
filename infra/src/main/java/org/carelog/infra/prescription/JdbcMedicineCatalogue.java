package org.carelog.infra.prescription;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.carelog.command.prescription.MedicineNames;
import org.carelog.command.prescription.MedicineVocabulary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The DrugBank vocabulary (reference table {@code catalogue_entry}) and the facility's formulary, for the
 * command side: an allergy's medicine name, and every name a prescribed medicine goes by when it is checked
 * against the patient's allergies. Reference data, not a projection: it is loaded at start-up or imported by an
 * administrator, never derived from events.
 */
@Component
class JdbcMedicineCatalogue implements MedicineVocabulary, MedicineNames {

    private final JdbcTemplate jdbc;

    JdbcMedicineCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> genericName(String medicineCode) {
        return jdbc
                .queryForList(
                        "select name from catalogue_entry where catalogue = 'MEDICINE' and code = ?",
                        String.class,
                        medicineCode)
                .stream()
                .findFirst();
    }

    @Override
    public Set<String> namesOf(String medicineCode, String name) {
        Set<String> names = new HashSet<>();
        String lower = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
        if (lower != null) {
            names.add(lower);
        }
        // The generic by id or by any of its names, and the generics of a formulary brand of that name.
        jdbc.query(
                "select e.name, e.synonyms from catalogue_entry e where e.catalogue = 'MEDICINE' and ("
                        + " e.code = ? or lower(e.name) = ? or ? = any(string_to_array(lower(e.synonyms), ' | '))"
                        + " or e.code in (select f.medicine_code from formulary_item f where lower(f.brand) = ?)"
                        + " or lower(e.name) in (select lower(f.generic_name) from formulary_item f"
                        + " where lower(f.brand) = ?))",
                rs -> {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    for (String synonym : rs.getString(2).split("\\|")) {
                        if (!synonym.isBlank()) {
                            names.add(synonym.strip().toLowerCase(Locale.ROOT));
                        }
                    }
                },
                medicineCode == null ? "" : medicineCode.strip().toUpperCase(Locale.ROOT),
                lower,
                lower,
                lower,
                lower);
        // A brand not (or not fully) in the vocabulary: its generic names as the formulary writes them.
        names.addAll(jdbc.queryForList(
                "select distinct lower(generic_name) from formulary_item where lower(brand) = ?", String.class, lower));
        return names;
    }
}
