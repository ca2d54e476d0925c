package org.carelog.infra.clinical;

import java.util.Optional;
import org.carelog.api.reference.CodeSystem;
import org.carelog.command.clinical.DiagnosisCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Diagnosis codes from the reference tables loaded at start-up (classification_code). */
@Component
class JdbcDiagnosisCodes implements DiagnosisCodes {

    private final JdbcTemplate jdbc;

    JdbcDiagnosisCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> title(CodeSystem system, String code) {
        return jdbc
                .queryForList(
                        "select title from classification_code where system = ? and code = ?",
                        String.class,
                        system.name(),
                        code)
                .stream()
                .findFirst();
    }
}
