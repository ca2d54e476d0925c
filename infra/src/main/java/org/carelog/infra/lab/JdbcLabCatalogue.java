package org.carelog.infra.lab;

import java.util.Optional;
import org.carelog.api.patient.PatientId;
import org.carelog.command.lab.LabCatalogue;
import org.carelog.command.lab.LabOrderPatients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The lab catalogue (LOINC reference data) and the patient lookup, for orders. */
@Component
class JdbcLabCatalogue implements LabCatalogue, LabOrderPatients {

    private final JdbcTemplate jdbc;

    JdbcLabCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> testName(String loincNumber) {
        return jdbc
                .queryForList(
                        "select name from catalogue_entry where catalogue = 'LOINC' and code = ?",
                        String.class,
                        loincNumber)
                .stream()
                .findFirst();
    }

    @Override
    public boolean registered(PatientId patient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from patient_match where patient_id = ?)", Boolean.class, patient.value()));
    }
}
