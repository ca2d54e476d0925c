package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The encounter read model is a projection: reset and replayed from the event store, its four tables come back
 * exactly as they were (its reset handler clears them, its writes are replay-safe).
 */
class EncounterReplayTest extends EncounterApi {

    static final List<String> SNAPSHOTS = List.of(
            "select encounter_view::text from encounter_view order by encounter_id",
            "select encounter_note_version::text from encounter_note_version order by encounter_id, section, version",
            "select encounter_vitals::text from encounter_vitals order by vitals_id",
            "select encounter_diagnosis::text from encounter_diagnosis order by diagnosis_id");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRebuiltEncounterReadModelEqualsTheLiveOne() {
        Doctor doctor = doctor();
        String last = null;
        for (int i = 0; i < 3; i++) {
            String patient = registeredPatient();
            String encounter = open(doctor.credentials(), map("type", "OUTPATIENT", "patientId", patient));
            ok(
                    credentials(Role.NURSE),
                    VITALS,
                    Map.of(
                            "input",
                            map("encounterId", encounter, "systolic", 120 + i, "diastolic", 80, "weightKg", 60.5)));
            ok(
                    doctor.credentials(),
                    NOTE,
                    Map.of("input", map("encounterId", encounter, "section", "PLAN", "text", "ORS")));
            String primary = diagnose(doctor.credentials(), encounter, "PRIMARY", "1A00", null);
            diagnose(doctor.credentials(), encounter, "SECONDARY", null, "Dehydration, mild");
            ok(doctor.credentials(), SIGN, Map.of("input", map("encounterId", encounter)));
            ok(
                    doctor.credentials(),
                    NOTE,
                    Map.of(
                            "input",
                            map(
                                    "encounterId",
                                    encounter,
                                    "section",
                                    "PLAN",
                                    "text",
                                    "ORS, zinc",
                                    "reason",
                                    "Zinc added")));
            ok(
                    doctor.credentials(),
                    RESOLVE,
                    Map.of("input", map("encounterId", encounter, "diagnosisId", primary, "reason", "Recovered")));
            last = encounter;
        }
        String lastEncounter = last;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from encounter_diagnosis where encounter_id = ?::uuid"
                                        + " and status = 'RESOLVED'",
                                Integer.class,
                                lastEncounter)
                        == 1);
        List<List<String>> live = snapshot();
        assertThat(live.get(0)).hasSizeGreaterThanOrEqualTo(3);

        StreamingEventProcessor encounters = processing
                .eventProcessor("clinical-encounters", StreamingEventProcessor.class)
                .orElseThrow();
        encounters.shutDown();
        encounters.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from encounter_view", Integer.class))
                .as("the reset handler cleared the tables")
                .isZero();
        encounters.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
    }

    private List<List<String>> snapshot() {
        List<List<String>> tables = new ArrayList<>();
        for (String sql : SNAPSHOTS) {
            tables.add(jdbc.queryForList(sql, String.class));
        }
        return tables;
    }
}
