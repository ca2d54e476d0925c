package org.carelog.infra.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A lab order's whole way over GraphQL against PostgreSQL: order, collect, result, verify, correct, and who read it. */
public class LabOrdersTest extends IntegrationTest {

    public static final String ORDER =
            "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }";
    public static final String COLLECT =
            "mutation($input: LabOrderActionInput!) { collectLabSample(input: $input) { orderId } }";
    public static final String ENTER =
            "mutation($input: EnterLabResultInput!) { enterLabResult(input: $input) { orderId version } }";
    static final String CORRECT =
            "mutation($input: EnterLabResultInput!) { correctLabResult(input: $input) { orderId version } }";
    public static final String VERIFY =
            "mutation($input: VerifyLabResultInput!) { verifyLabResult(input: $input) { orderId version } }";
    static final String CANCEL = "mutation($input: LabOrderActionInput!) { cancelLabOrder(input: $input) { orderId } }";
    static final String FIELDS =
            "orderId patientId kind code name priority status specimen abnormal orderedAt updatedAt"
                    + " encounterId clinicalNote orderedBy collectedBy collectedAt cancelledBy cancelledAt cancelReason"
                    + " result { value numeric unit flag abnormal } verifiedVersion { version verifiedBy }"
                    + " versions { version reason enteredBy verifiedBy result { value flag } }";
    static final String LAB_ORDER = "query($id: ID!) { labOrder(id: $id) { " + FIELDS + " } }";
    static final String WORKLIST = "query { labWorklist(first: 200) { orderId status priority } }";
    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { labResults { " + FIELDS + " } } }";

    /** The input of a routine laboratory test ordered in an encounter. */
    public static Map<String, Object> routineOrder(String patient, String encounter, String code) {
        return Map.of(
                "patientId", patient, "encounterId", encounter, "kind", "LAB", "code", code, "priority", "ROUTINE");
    }

    /** The variables of a blood sample collected for the order ({@link #COLLECT}). */
    public static Map<String, Object> bloodSample(String order) {
        return Map.of("input", Map.of("orderId", order, "specimen", "EDTA blood"));
    }

    /** The variables of a haemoglobin result entered for the order ({@link #ENTER}). */
    public static Map<String, Object> haemoglobinResult(String order, String value) {
        return Map.of("input", Map.of("orderId", order, "result", haemoglobin(value)));
    }

    public static Map<String, Object> haemoglobin(String value) {
        return Map.of("value", value, "unit", "g/dL", "referenceLow", "12", "referenceHigh", "16", "criticalLow", "7");
    }

    String order(String patient, String code, String priority) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "patientId",
                patient,
                "kind",
                "LAB",
                "code",
                code,
                "priority",
                priority,
                "clinicalNote",
                "pale, tired"));
        return data(post(credentials(Role.DOCTOR), ORDER, Map.of("input", input)))
                .at("/orderLabTest/orderId")
                .asText();
    }

    JsonNode awaitOrder(String orderId, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = data(post(credentials(Role.DOCTOR), LAB_ORDER, Map.of("id", orderId)))
                    .get("labOrder");
            return !last[0].isNull() && expected.test(last[0]);
        });
        return last[0];
    }

    @Test
    void anOrderIsCollectedResultedVerifiedByASecondPersonAndCorrectedWithAReason() {
        String patient = registeredPatient();
        String orderId = order(patient, "718-7", "URGENT");
        JsonNode ordered = awaitOrder(orderId, o -> o.get("status").asText().equals("ORDERED"));
        assertThat(ordered.get("name").asText()).isEqualTo("Hemoglobin [Mass/volume] in Blood");
        assertThat(ordered.get("abnormal").asBoolean()).isFalse();

        JsonNode early = json(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of("input", Map.of("orderId", orderId, "result", haemoglobin("9.1")))));
        assertThat(early.at("/errors/0/extensions/code").asText())
                .as("no result before the sample")
                .isEqualTo("CONFLICT");

        data(post(
                credentials(Role.NURSE),
                COLLECT,
                Map.of("input", Map.of("orderId", orderId, "specimen", "EDTA blood"))));
        JsonNode entered = data(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of("input", Map.of("orderId", orderId, "result", haemoglobin("৯.১")))));
        assertThat(entered.at("/enterLabResult/version").asInt()).isEqualTo(1);

        JsonNode selfVerified = json(post(
                credentials(Role.LAB_TECHNICIAN), VERIFY, Map.of("input", Map.of("orderId", orderId, "version", 1))));
        assertThat(selfVerified.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        String secondTechnician = newStaff(Role.LAB_TECHNICIAN);
        data(post(secondTechnician, VERIFY, Map.of("input", Map.of("orderId", orderId, "version", 1))));

        JsonNode verified = awaitOrder(orderId, o -> o.get("status").asText().equals("VERIFIED"));
        assertThat(verified.at("/result/numeric").asText()).isEqualTo("9.1");
        assertThat(verified.at("/result/flag").asText()).isEqualTo("LOW");
        assertThat(verified.get("abnormal").asBoolean())
                .as("abnormal, and shown as such")
                .isTrue();
        assertThat(verified.at("/verifiedVersion/version").asInt()).isEqualTo(1);
        assertThat(verified.get("orderedBy").asText()).isEqualTo(username(Role.DOCTOR));
        assertThat(verified.get("collectedBy").asText()).isEqualTo(username(Role.NURSE));
        assertThat(verified.get("clinicalNote").asText()).isEqualTo("pale, tired");
        assertThat(verified.get("encounterId").isNull())
                .as("a walk-in to the laboratory")
                .isTrue();

        JsonNode noReason = json(post(
                credentials(Role.LAB_TECHNICIAN),
                CORRECT,
                Map.of("input", Map.of("orderId", orderId, "result", haemoglobin("13.1")))));
        assertThat(noReason.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        data(post(
                credentials(Role.LAB_TECHNICIAN),
                CORRECT,
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                orderId,
                                "result",
                                haemoglobin("13.1"),
                                "reason",
                                "sample of another patient"))));
        JsonNode corrected = awaitOrder(orderId, o -> o.get("versions").size() == 2);
        assertThat(corrected.get("status").asText()).isEqualTo("RESULTED");
        assertThat(corrected.get("abnormal").asBoolean()).isFalse();
        assertThat(corrected.at("/verifiedVersion/version").asInt())
                .as("clinicians still see what was verified")
                .isEqualTo(1);
        assertThat(corrected.at("/versions/0/result/value").asText()).isEqualTo("৯.১");
        assertThat(corrected.at("/versions/1/reason").asText()).isEqualTo("sample of another patient");

        JsonNode chart = data(post(credentials(Role.DOCTOR), CHART, Map.of("p", patient)));
        assertThat(chart.at("/patientChart/labResults/0/orderId").asText()).isEqualTo(orderId);
        List<String> views = jdbc.queryForList(
                "select view from clinical_access_log where patient_id = ? order by id",
                String.class,
                UUID.fromString(patient));
        assertThat(views).contains("labOrder", "chart", "chart.labResults");
    }

    @Test
    void theWorklistPutsStatFirstAndLeavesVerifiedAndCancelledOrdersOut() {
        String patient = registeredPatient();
        String routine = order(patient, "14749-6", "ROUTINE");
        String stat = order(patient, "2823-3", "STAT");
        String cancelled = order(patient, "718-7", "ROUTINE");
        data(post(
                credentials(Role.DOCTOR),
                CANCEL,
                Map.of("input", Map.of("orderId", cancelled, "reason", "patient went to another hospital"))));
        JsonNode cancelledOrder =
                awaitOrder(cancelled, o -> o.get("status").asText().equals("CANCELLED"));
        assertThat(cancelledOrder.get("cancelReason").asText()).isEqualTo("patient went to another hospital");
        assertThat(cancelledOrder.get("cancelledBy").asText()).isEqualTo(username(Role.DOCTOR));
        awaitOrder(routine, o -> true);
        JsonNode worklist =
                data(post(credentials(Role.LAB_TECHNICIAN), WORKLIST, Map.of())).get("labWorklist");
        List<String> ids = worklist.findValuesAsText("orderId");
        assertThat(ids).contains(stat, routine).doesNotContain(cancelled);
        assertThat(ids.indexOf(stat)).isLessThan(ids.indexOf(routine));
        assertThat(worklist.get(0).get("priority").asText()).isEqualTo("STAT");
    }

    @Test
    void wrongRolesAndBadInputChangeNothing() {
        String patient = registeredPatient();
        long before = eventCount();
        for (Role role : List.of(Role.NURSE, Role.RECEPTIONIST, Role.LAB_TECHNICIAN, Role.AUDITOR)) {
            JsonNode refused = json(post(
                    credentials(role),
                    ORDER,
                    Map.of("input", Map.of("patientId", patient, "kind", "LAB", "code", "718-7"))));
            assertThat(refused.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
        JsonNode unknownCode = json(post(
                credentials(Role.DOCTOR),
                ORDER,
                Map.of("input", Map.of("patientId", patient, "kind", "LAB", "code", "99999-9"))));
        assertThat(unknownCode.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(unknownCode.at("/errors/0/extensions/field").asText()).isEqualTo("code");
        JsonNode unknownPatient = json(post(
                credentials(Role.DOCTOR),
                ORDER,
                Map.of("input", Map.of("patientId", UUID.randomUUID().toString(), "kind", "LAB", "code", "718-7"))));
        assertThat(unknownPatient.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(eventCount()).isEqualTo(before);

        String orderId = order(patient, "718-7", "ROUTINE");
        awaitOrder(orderId, o -> true);
        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING)) {
            JsonNode read = json(post(credentials(role), LAB_ORDER, Map.of("id", orderId)));
            assertThat(read.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
        JsonNode notANumber = json(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                orderId,
                                "result",
                                Map.of("value", "9.1", "unit", "g/dL", "referenceLow", "twelve")))));
        assertThat(notANumber.at("/errors/0/extensions/field").asText()).isEqualTo("result.referenceLow");
    }

    @Test
    void aRebuiltLabReadModelEqualsTheLiveOne() {
        String patient = registeredPatient();
        String orderId = order(patient, "718-7", "ROUTINE");
        data(post(credentials(Role.NURSE), COLLECT, Map.of("input", Map.of("orderId", orderId, "specimen", "blood"))));
        data(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of("input", Map.of("orderId", orderId, "result", haemoglobin("17.2")))));
        awaitOrder(orderId, o -> o.get("status").asText().equals("RESULTED"));
        String snapshot = "select order_id, patient_id, status, priority_rank, ordered_at, abnormal, document::text"
                + " from lab_order order by order_id";
        List<Map<String, Object>> live = jdbc.queryForList(snapshot);
        assertThat(live).isNotEmpty();

        String rebuild = "mutation($n: String!) { rebuildReadModel(input: {name: $n, idempotencyKey: \"rebuild-1\"}) {"
                + " processor { name replaying } } }";
        JsonNode forbidden = json(post(credentials(Role.DOCTOR), rebuild, Map.of("n", "lab-orders")));
        assertThat(forbidden.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        JsonNode neverReplayed = json(post(credentials(Role.ADMIN), rebuild, Map.of("n", "token-transfers")));
        assertThat(neverReplayed.at("/errors/0/extensions/code").asText())
                .as("a process manager that sends commands is never replayed")
                .isEqualTo("CONFLICT");
        JsonNode unknown = json(post(credentials(Role.ADMIN), rebuild, Map.of("n", "no-such-model")));
        assertThat(unknown.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");

        data(post(credentials(Role.ADMIN), rebuild, Map.of("n", "lab-orders")));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(jdbc.queryForList(snapshot)).isEqualTo(live));
    }

    @Test
    void aRestoredBackupsLabOrdersOfAnErasedPatientAreScrubbedAtStartUp() {
        String patient = registeredPatient();
        String orderId = order(patient, "718-7", "ROUTINE");
        data(post(credentials(Role.NURSE), COLLECT, Map.of("input", Map.of("orderId", orderId, "specimen", "blood"))));
        data(post(
                credentials(Role.LAB_TECHNICIAN),
                ENTER,
                Map.of("input", Map.of("orderId", orderId, "result", haemoglobin("6.1")))));
        awaitOrder(orderId, o -> o.get("status").asText().equals("RESULTED"));

        // What ErasureReconciliation runs for every tombstoned key when Carelog starts on a restored backup (the
        // lab part only: the whole reconciliation would blank this living patient's directory row as well).
        assertThat(JdbcLabOrderStore.scrub(jdbc, UUID.fromString(patient))).isPositive();
        JsonNode scrubbed = data(post(credentials(Role.DOCTOR), LAB_ORDER, Map.of("id", orderId)))
                .get("labOrder");
        assertThat(scrubbed.get("status").asText()).as("the steps stay").isEqualTo("RESULTED");
        assertThat(scrubbed.get("code").isNull()).isTrue();
        assertThat(scrubbed.get("name").isNull()).isTrue();
        assertThat(scrubbed.get("specimen").isNull()).isTrue();
        assertThat(scrubbed.get("result").isNull()).isTrue();
        assertThat(scrubbed.at("/versions/0/result").isNull()).isTrue();
        assertThat(scrubbed.get("abnormal").asBoolean()).isFalse();
        assertThat(JdbcLabOrderStore.scrub(jdbc, UUID.fromString(patient)))
                .as("nothing left to scrub")
                .isZero();
    }
}
