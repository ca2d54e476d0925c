package org.carelog.infra.compliance;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects every erasure into {@code erasure_register}: which patient, when, on which legal basis and
 * register reference, by whom. Idempotent (the patient is the key: an erasure happens once) and rebuildable.
 */
@Component
@ReadModelTables({"erasure_register"})
@ProcessingGroup(ErasureRegister.PROCESSING_GROUP)
class ErasureRegister {

    static final String PROCESSING_GROUP = "erasure-register";

    private final JdbcTemplate jdbc;

    ErasureRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            PatientErased event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        jdbc.update(
                "insert into erasure_register (patient_id, erased_at, legal_basis, reference, username, role,"
                        + " request_id) values (?, ?, ?, ?, ?, ?, ?) on conflict (patient_id) do nothing",
                event.patientId().value(),
                java.sql.Timestamp.from(at),
                event.legalBasis().name(),
                event.reference(),
                username,
                role,
                requestId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from erasure_register");
    }
}
