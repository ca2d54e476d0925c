package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Reading a chart writes who read it before the chart is returned; roles without clinical access are refused. */
class ClinicalAccessLogTest extends IntegrationTest {

    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { patientId asOf } }";

    @Test
    void aDoctorsReadOfAChartIsLoggedWithTheRequest() {
        String patient = registeredPatient();
        JsonNode chart = data(post(
                        credentials(Role.DOCTOR), CHART, Map.of("p", patient), "X-Request-Id", "chart-read-1"))
                .get("patientChart");
        assertThat(chart.get("patientId").asText()).isEqualTo(patient);
        List<Map<String, Object>> log = jdbc.queryForList(
                "select username, role, view, request_id from clinical_access_log where patient_id = ?",
                UUID.fromString(patient));
        assertThat(log)
                .containsExactly(Map.of(
                        "username", username(Role.DOCTOR),
                        "role", "DOCTOR",
                        "view", "chart",
                        "request_id", "chart-read-1"));
    }

    @Test
    void receptionAndBillingCannotReadAChartAndNothingIsLogged() {
        String patient = registeredPatient();
        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING)) {
            JsonNode refused = json(post(credentials(role), CHART, Map.of("p", patient)));
            assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?",
                        Long.class,
                        UUID.fromString(patient)))
                .isZero();
    }

    @Test
    void theAccessLogCannotBeChangedOrEmptied() {
        String patient = registeredPatient();
        data(post(credentials(Role.NURSE), CHART, Map.of("p", patient)));
        UUID id = UUID.fromString(patient);
        assertThatThrownBy(() -> jdbc.update("update clinical_access_log set username = 'x' where patient_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from clinical_access_log where patient_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate clinical_access_log")).hasStackTraceContaining("append-only");
    }

    @Test
    void anUnknownPatientHasNoChartAndNoLogEntry() {
        UUID unknown = UUID.randomUUID();
        assertThat(data(post(credentials(Role.DOCTOR), CHART, Map.of("p", unknown.toString())))
                        .get("patientChart")
                        .isNull())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?", Long.class, unknown))
                .isZero();
    }
}
