package org.carelog.infra.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient directory is a projection: dropped and rebuilt from the event store it comes back exactly
 * as it was (its reset handler clears it, its handlers are replay-safe).
 */
class PatientDirectoryReplayTest extends IntegrationTest {

    static final String SNAPSHOT = "select patient_directory::text from patient_directory order by patient_id";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRebuiltDirectoryEqualsTheLiveOne() {
        String last = null;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = PatientFixtures.registration(unique());
            last = json(post(
                            credentials(Role.RECEPTIONIST),
                            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                            Map.of("input", input)))
                    .at("/data/registerPatient/patientId")
                    .asText();
        }
        json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { mrn } }",
                Map.of("input", Map.of("patientId", last, "consent", Map.of("sms", false, "email", false)))));
        String updated = last;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                        "select not sms_consent from patient_directory where patient_id = ?::uuid",
                        Boolean.class,
                        updated));
        List<String> live = jdbc.queryForList(SNAPSHOT, String.class);
        assertThat(live).hasSizeGreaterThanOrEqualTo(3);

        StreamingEventProcessor directory = processing
                .eventProcessor("patient-directory", StreamingEventProcessor.class)
                .orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from patient_directory", Integer.class))
                .as("the reset handler cleared the table")
                .isZero();
        directory.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() ->
                        assertThat(jdbc.queryForList(SNAPSHOT, String.class)).isEqualTo(live));
    }
}
