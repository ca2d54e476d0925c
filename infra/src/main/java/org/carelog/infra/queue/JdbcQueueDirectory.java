package org.carelog.infra.queue;

import java.util.Optional;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.command.queue.QueueDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the command side's service point and patient registries, in the command's transaction. */
@Component
class JdbcQueueDirectory implements QueueDirectory {

    private final JdbcTemplate jdbc;

    JdbcQueueDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ServicePointCode> openServicePointCode(ServicePointId servicePoint) {
        return jdbc
                .queryForList(
                        "select code from service_point_registry where service_point_id = ? and not closed",
                        String.class,
                        servicePoint.value())
                .stream()
                .findFirst()
                .map(ServicePointCode::new);
    }

    @Override
    public boolean patientRegistered(PatientId patient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from patient_match where patient_id = ?)", Boolean.class, patient.value()));
    }
}
