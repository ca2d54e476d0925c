package org.carelog.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;

/** With the default retention rule (ten years), a patient registered today cannot be erased. */
class ErasureRetentionTest extends IntegrationTest {

    @Test
    void erasureIsRefusedWhileTheClinicalRecordMustBeKept() {
        JsonNode registered = json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                Map.of("input", PatientFixtures.registration(unique()))));
        String patientId = registered
                .path("data")
                .path("registerPatient")
                .path("patientId")
                .asText();
        long events = eventCount();

        JsonNode refused = json(post(
                credentials(Role.ADMIN),
                "mutation($input: ErasePatientInput!) { erasePatient(input: $input) { patientId } }",
                Map.of(
                        "input",
                        Map.of("patientId", patientId, "legalBasis", "CONSENT_WITHDRAWN", "reference", "REQ-7"))));

        JsonNode error = refused.path("errors").get(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("CONFLICT");
        assertThat(LocalDate.parse(
                        error.path("extensions").path("retainedUntil").asText()))
                .isAfter(LocalDate.now(ZoneId.of("Asia/Dhaka")).plusYears(9));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "select wrapped_keyset is not null from patient_key where subject_id = ?",
                        Boolean.class,
                        patientId))
                .isTrue();
    }
}
