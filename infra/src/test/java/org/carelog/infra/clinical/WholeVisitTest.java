package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's whole visit over GraphQL against PostgreSQL, from check-in to the signed encounter, and then what an
 * auditor asks of it: the chart as it was when the prescription was signed, who changed what, and who looked.
 */
class WholeVisitTest extends EncounterApi {

    static final String ALLERGY =
            "mutation($input: RecordAllergyInput!) { recordAllergy(input: $input) { allergyId } }";
    static final String PRESCRIBE =
            "mutation($input: WritePrescriptionInput!) { writePrescription(input: $input) { prescriptionId } }";
    static final String ORDER = "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }";
    static final String COLLECT =
            "mutation($input: LabOrderActionInput!) { collectLabSample(input: $input) { orderId } }";
    static final String RESULT = "mutation($input: EnterLabResultInput!) { enterLabResult(input: $input) { version } }";
    static final String VERIFY =
            "mutation($input: VerifyLabResultInput!) { verifyLabResult(input: $input) { version } }";
    static final String FULL_CHART = "query($p: ID!, $at: DateTime) { patientChart(patientId: $p, asOf: $at) {"
            + " asOf patient { mrn }"
            + " encounters { id status notes { section text version } diagnoses { code } }"
            + " vitals { systolic bmi } diagnoses { code status } activeProblems { code }"
            + " allergies { status } prescriptions { prescriptionId signedAt overrideReason items { genericName frequency } }"
            + " currentMedications { medicine { genericName } }"
            + " labResults { orderId status abnormal result { value flag } } } }";
    static final String HISTORY = "query($p: ID!) { recordHistory(patientId: $p, first: 100) { edges { node {"
            + " type description reason username role requestId } } } }";
    static final String ACCESS_LOG = "query($p: ID!) { accessLog(patientId: $p, first: 100) { edges { node {"
            + " username role view requestId } } } }";

    static Map<String, Object> paracetamol(String patient, String encounter, String overrideReason) {
        Map<String, Object> item = map(
                "genericName", "Paracetamol",
                "strength", "500 mg",
                "form", "Tablet",
                "dose", "1",
                "route", "oral",
                "frequency", "1+0+1",
                "timing", "AFTER_MEALS",
                "duration", map("amount", 3, "unit", "DAYS"),
                "instructions", "জ্বর থাকলে খাবেন");
        return map(
                "patientId",
                patient,
                "encounterId",
                encounter,
                "items",
                List.of(item),
                "advice",
                "প্রচুর পানি পান করুন",
                "followUpOn",
                LocalDate.now().plusDays(7).toString(),
                "overrideReason",
                overrideReason);
    }

    @Test
    void aVisitFromCheckInToSignatureAndWhatTheAuditorSeesOfIt() {
        Doctor doctor = doctor();
        String patient = registeredPatient();
        String appointment = checkedInAppointment(doctor, patient);
        String encounter = open(doctor.credentials(), map("type", "OUTPATIENT", "appointmentId", appointment));

        ok(
                credentials(Role.NURSE),
                VITALS,
                Map.of(
                        "input",
                        map(
                                "encounterId",
                                encounter,
                                "systolic",
                                150,
                                "diastolic",
                                95,
                                "pulse",
                                88,
                                "temperatureFahrenheit",
                                101.3,
                                "weightKg",
                                62.0,
                                "heightCm",
                                158.0)));
        ok(
                doctor.credentials(),
                NOTE,
                Map.of(
                        "input",
                        map(
                                "encounterId",
                                encounter,
                                "section",
                                "CHIEF_COMPLAINT",
                                "text",
                                "জ্বর তিন দিন, মাথাব্যথা")));
        ok(
                doctor.credentials(),
                NOTE,
                Map.of(
                        "input",
                        map(
                                "encounterId",
                                encounter,
                                "section",
                                "ASSESSMENT",
                                "text",
                                "Viral fever; hypertension to review")));
        diagnose(doctor.credentials(), encounter, "PRIMARY", "1D2Z", null);
        diagnose(doctor.credentials(), encounter, "SECONDARY", "BA00.Z", null);

        String acetaminophen = ok(
                        credentials(Role.NURSE), "{ medicines(text: \"paracetamol\", first: 1) { code } }", Map.of())
                .at("/medicines/0/code")
                .asText();
        ok(
                credentials(Role.NURSE),
                ALLERGY,
                Map.of(
                        "input",
                        map(
                                "patientId",
                                patient,
                                "substance",
                                map("medicineCode", acetaminophen),
                                "category",
                                "DRUG",
                                "reaction",
                                "rash",
                                "severity",
                                "MILD")));
        JsonNode refused =
                json(post(doctor.credentials(), PRESCRIBE, Map.of("input", paracetamol(patient, encounter, null))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("ALLERGY_CONFLICT");
        String override = "mild rash years ago; benefits outweigh, patient agrees";
        String prescription = ok(
                        doctor.credentials(), PRESCRIBE, Map.of("input", paracetamol(patient, encounter, override)))
                .at("/writePrescription/prescriptionId")
                .asText();
        Instant prescribedAt = Instant.now();

        String order = ok(
                        doctor.credentials(),
                        ORDER,
                        Map.of(
                                "input",
                                map(
                                        "patientId",
                                        patient,
                                        "encounterId",
                                        encounter,
                                        "kind",
                                        "LAB",
                                        "code",
                                        "718-7",
                                        "priority",
                                        "URGENT")))
                .at("/orderLabTest/orderId")
                .asText();
        ok(credentials(Role.NURSE), COLLECT, Map.of("input", map("orderId", order, "specimen", "EDTA blood")));
        ok(
                credentials(Role.LAB_TECHNICIAN),
                RESULT,
                Map.of(
                        "input",
                        map(
                                "orderId",
                                order,
                                "result",
                                map("value", "10.2", "unit", "g/dL", "referenceLow", "12", "referenceHigh", "16"))));
        ok(newStaff(Role.LAB_TECHNICIAN), VERIFY, Map.of("input", map("orderId", order, "version", 1)));
        ok(doctor.credentials(), SIGN, Map.of("input", map("encounterId", encounter)));

        // After signing, the assessment is only changed by an amendment with a reason.
        JsonNode noReason = json(post(
                doctor.credentials(),
                NOTE,
                Map.of("input", map("encounterId", encounter, "section", "ASSESSMENT", "text", "Dengue fever"))));
        assertThat(noReason.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        String reason = "NS1 antigen came back positive";
        ok(
                doctor.credentials(),
                NOTE,
                Map.of(
                        "input",
                        map(
                                "encounterId",
                                encounter,
                                "section",
                                "ASSESSMENT",
                                "text",
                                "Dengue fever",
                                "reason",
                                reason)));

        // Today's chart: the whole visit, across the features, with the abnormal result flagged.
        JsonNode chart = awaitRead(doctor.credentials(), FULL_CHART, map("p", patient), c -> {
                    JsonNode ch = c.get("patientChart");
                    return ch.at("/encounters/0/status").asText().equals("SIGNED")
                            && ch.at("/labResults/0/status").asText().equals("VERIFIED")
                            && ch.at("/prescriptions").size() == 1
                            && ch.at("/encounters/0/notes")
                                    .findValuesAsText("text")
                                    .contains("Dengue fever");
                })
                .get("patientChart");
        assertThat(chart.at("/vitals/0/bmi").asDouble()).isGreaterThan(24).isLessThan(25.5);
        assertThat(chart.at("/activeProblems").findValuesAsText("code")).contains("1D2Z", "BA00.Z");
        assertThat(chart.at("/prescriptions/0/overrideReason").asText()).isEqualTo(override);
        assertThat(chart.at("/labResults/0/abnormal").asBoolean()).isTrue();
        assertThat(chart.at("/labResults/0/result/flag").asText()).isEqualTo("LOW");

        // As of the moment the prescription was signed: the original assessment, and no lab result yet.
        JsonNode then = ok(credentials(Role.AUDITOR), FULL_CHART, map("p", patient, "at", prescribedAt.toString()))
                .get("patientChart");
        assertThat(then.at("/encounters/0/status").asText()).isEqualTo("OPEN");
        assertThat(then.at("/encounters/0/notes").findValuesAsText("text"))
                .contains("Viral fever; hypertension to review")
                .doesNotContain("Dengue fever");
        assertThat(then.at("/prescriptions/0/prescriptionId").asText()).isEqualTo(prescription);
        assertThat(then.at("/labResults")).isEmpty();
        assertThat(then.at("/patient/mrn").asText()).isNotEmpty();

        // The history: every change, the amendment with its author and reason, the override with its reason.
        List<JsonNode> changes =
                nodes(ok(credentials(Role.AUDITOR), HISTORY, map("p", patient)), "/recordHistory/edges");
        JsonNode amendment = changes.stream()
                .filter(c -> c.get("type").asText().equals("ClinicalNoteAmended"))
                .findFirst()
                .orElseThrow();
        assertThat(amendment.get("reason").asText()).isEqualTo(reason);
        assertThat(amendment.get("role").asText()).isEqualTo("DOCTOR");
        assertThat(amendment.get("username").asText()).startsWith("it-doctor-");
        assertThat(changes.stream().map(c -> c.get("type").asText()))
                .contains(
                        "PatientRegistered",
                        "EncounterOpened",
                        "VitalSignsRecorded",
                        "DiagnosisRecorded",
                        "AllergyRecorded",
                        "PrescriptionSigned",
                        "LabTestOrdered",
                        "LabResultVerified",
                        "EncounterSigned");
        assertThat(changes.stream()
                        .filter(c -> c.get("type").asText().equals("PrescriptionSigned"))
                        .map(c -> c.get("reason").asText()))
                .containsExactly(override);

        // Who looked: the doctor's chart reads, the auditor's reconstruction and history.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> log =
                    nodes(ok(credentials(Role.AUDITOR), ACCESS_LOG, map("p", patient)), "/accessLog/edges");
            assertThat(log.stream()
                            .map(e -> e.get("username").asText() + " "
                                    + e.get("view").asText()))
                    .contains(username(Role.AUDITOR) + " chart.asOf", username(Role.AUDITOR) + " recordHistory")
                    .anyMatch(e -> e.startsWith("it-doctor-") && e.endsWith(" chart"));
        });
        JsonNode nothingChanged = json(post(
                credentials(Role.AUDITOR),
                NOTE,
                Map.of(
                        "input",
                        map(
                                "encounterId",
                                encounter,
                                "section",
                                "PLAN",
                                "text",
                                "x",
                                "reason",
                                "auditors change nothing"))));
        assertThat(nothingChanged.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(UUID.fromString(prescription)).isNotNull();
    }

    static List<JsonNode> nodes(JsonNode data, String edges) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        data.at(edges).forEach(e -> nodes.add(e.get("node")));
        return nodes;
    }
}
