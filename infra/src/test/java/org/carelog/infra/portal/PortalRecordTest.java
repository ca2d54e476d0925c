package org.carelog.infra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/**
 * What a patient sees of their own record over HTTP: lab results only once verified, each read written to the
 * access log as the patient.
 */
class PortalRecordTest extends PortalApi {

    static final String ORDER = "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }";
    static final String COLLECT =
            "mutation($input: LabOrderActionInput!) { collectLabSample(input: $input) { orderId } }";
    static final String ENTER =
            "mutation($input: EnterLabResultInput!) { enterLabResult(input: $input) { orderId version } }";
    static final String VERIFY =
            "mutation($input: VerifyLabResultInput!) { verifyLabResult(input: $input) { orderId version } }";

    String resulted(String patientId, String value) {
        String order = data(post(
                        credentials(Role.DOCTOR),
                        ORDER,
                        Map.of("input", Map.of("patientId", patientId, "kind", "LAB", "code", "718-7"))))
                .at("/orderLabTest/orderId")
                .asText();
        data(post(credentials(Role.NURSE), COLLECT, Map.of("input", Map.of("orderId", order))));
        data(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                order,
                                "result",
                                Map.of("value", value, "unit", "g/dL", "referenceLow", "12", "referenceHigh", "16")))));
        return order;
    }

    @Test
    void aPatientSeesOnlyVerifiedResultsAndEachReadIsLogged() {
        String patientId = registeredPatient();
        String verified = resulted(patientId, "9.1");
        String pending = resulted(patientId, "13.0");
        data(post(credentials(Role.DOCTOR), VERIFY, Map.of("input", Map.of("orderId", verified, "version", 1))));
        String patient = signedInPatient(patientId);
        long logged = accessLogRowsBy("patient:" + patientId);

        JsonNode results = awaitData(
                patient,
                "{ myLabResults { orderId name result { value flag } verifiedAt abnormal } }",
                Map.of(),
                d -> d.at("/myLabResults").size() == 1);
        assertThat(results.at("/myLabResults/0/orderId").asText()).isEqualTo(verified);
        assertThat(results.at("/myLabResults/0/result/value").asText()).isEqualTo("9.1");
        assertThat(results.at("/myLabResults/0/result/flag").asText()).isEqualTo("LOW");
        assertThat(results.at("/myLabResults/0/abnormal").asBoolean()).isTrue();
        assertThat(results.toString()).doesNotContain(pending);

        JsonNode rest = data(post(patient, MY_EVERYTHING, Map.of()));
        assertThat(rest.at("/myPrescriptions").isArray()).isTrue();
        assertThat(rest.at("/myTokens").isArray()).isTrue();
        assertThat(accessLogRowsBy("patient:" + patientId)).isGreaterThan(logged);
        assertThat(jdbc.queryForList(
                        "select distinct patient_id::text from clinical_access_log where username = ?",
                        String.class,
                        "patient:" + patientId))
                .containsExactly(patientId);
        assertThat(jdbc.queryForList(
                        "select distinct role from clinical_access_log where username = ?",
                        String.class,
                        "patient:" + patientId))
                .containsExactly("PATIENT");
    }
}
