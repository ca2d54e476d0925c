package org.carelog.infra.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The replay check over GraphQL on the real event store: consistent read models, a damaged one, and refusals. */
class ReplayCheckTest extends IntegrationTest {

    private static final String RUN = REPLAY_CHECK_RUN;
    private static final String RESULT = REPLAY_CHECK_RESULT;

    @Test
    void everyReadModelEqualsItsRebuildFromTheEventStore() {
        String department = createDepartment("Cardiology", "কার্ডিওলজি");
        String doctor = staffActingAs(
                Role.DOCTOR, registerDoctor(department, LocalDate.now().plusYears(1)));
        String patient = registeredPatient();
        openEncounter(doctor, patient);
        long liveDirectoryRows = jdbc.queryForObject("select count(*) from patient_directory", Long.class);

        JsonNode run = finished(start(credentials(Role.AUDITOR), List.of()));

        assertThat(run.get("requestedBy").asText()).isEqualTo(username(Role.AUDITOR));
        JsonNode readModels = run.get("readModels");
        List<String> names = names(readModels);
        assertThat(names)
                .contains(
                        "patient-directory",
                        "department-directory",
                        "clinical-encounters",
                        "encounter-lookup",
                        "lab-orders",
                        "queue-tokens",
                        "erasure-register")
                .doesNotContain("appointment-tokens", "token-transfers");
        List<String> inconsistent = new java.util.ArrayList<>();
        readModels.forEach(model -> {
            if (!model.get("consistent").asBoolean()
                    || !model.get("error").isNull()
                    || !model.get("undeclared").isNull()) {
                inconsistent.add(model.toString());
            }
        });
        assertThat(inconsistent).isEmpty();
        JsonNode directory = model(readModels, "patient-directory");
        assertThat(directory.get("eventsReplayed").asLong()).isPositive();
        assertThat(directory.at("/tables/0/rebuiltRows").asLong())
                .isEqualTo(directory.at("/tables/0/liveRows").asLong());
        assertThat(run.get("status").asText()).isEqualTo("CONSISTENT");
        assertThat(jdbc.queryForObject("select count(*) from patient_directory", Long.class))
                .as("the check changes no live row")
                .isGreaterThanOrEqualTo(liveDirectoryRows);
    }

    @Test
    void aDamagedReadModelIsReportedWithTheKeysOfItsDifferingRows() {
        String lost = createDepartment("Lost Ward", "হারানো ওয়ার্ড");
        String renamed = createDepartment("Renamed Ward", "নাম বদল");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from department_directory where department_id in (?::uuid, ?::uuid)",
                                Long.class,
                                lost,
                                renamed)
                        == 2);
        String lostRow = jdbc.queryForObject(
                "select row_to_json(d)::text from department_directory d where department_id = ?::uuid",
                String.class,
                lost);
        String originalName = jdbc.queryForObject(
                "select name_en from department_directory where department_id = ?::uuid", String.class, renamed);
        jdbc.update("delete from department_directory where department_id = ?::uuid", lost);
        jdbc.update("update department_directory set name_en = 'Tampered' where department_id = ?::uuid", renamed);
        try {
            JsonNode run = finished(start(credentials(Role.ADMIN), List.of("department-directory")));

            assertThat(run.get("status").asText()).isEqualTo("DIFFERENCES");
            JsonNode model = model(run.get("readModels"), "department-directory");
            assertThat(model.get("consistent").asBoolean()).isFalse();
            JsonNode table = model.at("/tables/0");
            assertThat(table.get("table").asText()).isEqualTo("department_directory");
            assertThat(table.get("rebuiltRows").asLong())
                    .isEqualTo(table.get("liveRows").asLong() + 1);
            assertThat(table.get("extra").asLong())
                    .as("the lost row and the true name")
                    .isEqualTo(2);
            assertThat(table.get("missing").asLong()).as("the tampered name").isEqualTo(1);
            List<String> keys = names(table.get("sampleKeys"));
            assertThat(keys).contains(lost, renamed);
        } finally {
            jdbc.update(
                    "insert into department_directory select * from json_populate_record(null::department_directory, ?::json)",
                    lostRow);
            jdbc.update(
                    "update department_directory set name_en = ? where department_id = ?::uuid", originalName, renamed);
        }
    }

    @Test
    void onlyAuditorsAndAdministratorsRunItAndOnlyOnReadModels() {
        JsonNode refused = json(post(
                credentials(Role.RECEPTIONIST),
                RUN,
                Map.of("input", Map.of("readModels", List.of(), "idempotencyKey", "k-" + unique()))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        for (String name : List.of("appointment-tokens", "no-such-model")) {
            JsonNode invalid = json(post(
                    credentials(Role.AUDITOR),
                    RUN,
                    Map.of("input", Map.of("readModels", List.of(name), "idempotencyKey", "k-" + unique()))));
            assertThat(invalid.at("/errors/0/extensions/code").asText())
                    .as(name)
                    .isEqualTo("VALIDATION");
        }
        String key = "same-" + unique();
        String first = start(credentials(Role.AUDITOR), List.of("erasure-register"), key);
        assertThat(start(credentials(Role.AUDITOR), List.of("erasure-register"), key))
                .isEqualTo(first);
        finished(first);
    }

    private String start(String credentials, List<String> readModels) {
        return start(credentials, readModels, "run-" + unique());
    }

    private String start(String credentials, List<String> readModels, String key) {
        return startReplayCheck(credentials, readModels, key);
    }

    private JsonNode finished(String id) {
        return finishedReplayCheck(id);
    }

    private static JsonNode model(JsonNode readModels, String name) {
        for (JsonNode model : readModels) {
            if (model.get("readModel").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError(name + " was not checked: " + readModels);
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new java.util.ArrayList<>();
        nodes.forEach(n -> names.add(n.has("readModel") ? n.get("readModel").asText() : n.asText()));
        return names;
    }
}
