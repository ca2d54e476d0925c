package org.carelog.infra.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Allergies and prescriptions over GraphQL on the real database, with a clock the tests move forward. */
@Import(TestClock.Config.class)
public class PrescriptionIntegrationTest extends IntegrationTest {

    static final String RECORD_ALLERGY =
            "mutation($input: RecordAllergyInput!) { recordAllergy(input: $input) { allergyId } }";
    public static final String WRITE =
            "mutation($input: WritePrescriptionInput!) { writePrescription(input: $input) { prescriptionId } }";
    static final String CHART = "query($id: ID!) { patientChart(patientId: $id) {"
            + " allergies { allergyId substanceName status recordedByRole }"
            + " prescriptions { prescriptionId bmdcNumber overrideReason conflicts { medicine substance }"
            + "   items { genericName brand frequency quantity instructions duration { amount unit } }"
            + "   verificationReference advice followUpOn }"
            + " currentMedications { prescriptionId item medicine { genericName } lastDay } } }";
    static final String PRESCRIPTION = "query($id: ID!) { prescription(id: $id) { prescriptionId patientId } }";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TestClock clock;

    /** A doctor account linked to a practitioner whose BMDC registration lasts until {@code expiry}. */
    private String doctor(LocalDate expiry) {
        String department = createDepartment("Medicine", "মেডিসিন");
        return staffActingAs(Role.DOCTOR, registerDoctor(department, expiry));
    }

    private String acetaminophenCode() {
        return data(post(
                        credentials(Role.DOCTOR),
                        "{ medicines(text: \"paracetamol\", first: 1) { code name } }",
                        Map.of()))
                .at("/medicines/0/code")
                .asText();
    }

    public static Map<String, Object> prescription(String patientId, String encounterId, String overrideReason) {
        return map(
                "patientId",
                patientId,
                "encounterId",
                encounterId,
                "items",
                List.of(map(
                        "genericName",
                        "Paracetamol",
                        "strength",
                        "500 mg",
                        "form",
                        "Tablet",
                        "dose",
                        "1",
                        "route",
                        "oral",
                        "frequency",
                        "১+০+১",
                        "timing",
                        "AFTER_MEALS",
                        "duration",
                        map("amount", 5, "unit", "DAYS"),
                        "instructions",
                        "জ্বর থাকলে খাবেন")),
                "advice",
                "প্রচুর পানি পান করুন",
                "followUpOn",
                LocalDate.now().plusDays(30).toString(),
                "overrideReason",
                overrideReason);
    }

    @Test
    void anAllergyRefusesThePrescriptionUntilOverriddenWithAReasonWhichIsStored() {
        String patient = registeredPatient();
        String doctor = doctor(LocalDate.now().plusYears(2));
        data(post(
                credentials(Role.NURSE),
                RECORD_ALLERGY,
                Map.of(
                        "input",
                        map(
                                "patientId",
                                patient,
                                "substance",
                                map("medicineCode", acetaminophenCode()),
                                "category",
                                "DRUG",
                                "reaction",
                                "urticaria",
                                "severity",
                                "MODERATE"))));

        // Right after the allergy (no waiting for any projection): refused.
        long signedBefore = signedCount();
        String visit = openEncounter(doctor, patient);
        JsonNode refused = json(post(doctor, WRITE, Map.of("input", prescription(patient, visit, null))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("ALLERGY_CONFLICT");
        assertThat(refused.at("/errors/0/message").asText())
                .contains("Paracetamol")
                .contains("Acetaminophen");
        assertThat(signedCount()).as("nothing was signed").isEqualTo(signedBefore);

        String id = data(post(
                        doctor,
                        WRITE,
                        Map.of("input", prescription(patient, visit, "urticaria only; no alternative in stock"))))
                .at("/writePrescription/prescriptionId")
                .asText();
        assertThat(eventCount("org.carelog.api.prescription.PrescriptionSigned", id))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> data(post(doctor, CHART, Map.of("id", patient)))
                                .at("/patientChart/prescriptions")
                                .size()
                        == 1);
        JsonNode chart = data(post(doctor, CHART, Map.of("id", patient))).get("patientChart");
        assertThat(chart.at("/allergies/0/substanceName").asText()).isEqualTo("Acetaminophen");
        assertThat(chart.at("/allergies/0/recordedByRole").asText()).isEqualTo("NURSE");
        JsonNode rx = chart.at("/prescriptions/0");
        assertThat(rx.get("prescriptionId").asText()).isEqualTo(id);
        assertThat(rx.get("overrideReason").asText()).isEqualTo("urticaria only; no alternative in stock");
        assertThat(rx.at("/conflicts/0/substance").asText()).isEqualTo("Acetaminophen");
        assertThat(rx.at("/items/0/frequency").asText()).isEqualTo("1+0+1");
        assertThat(rx.at("/items/0/quantity").asDouble()).isEqualTo(10.0);
        assertThat(rx.at("/items/0/instructions").asText()).isEqualTo("জ্বর থাকলে খাবেন");
        assertThat(rx.get("verificationReference").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(chart.at("/currentMedications/0/medicine/genericName").asText())
                .isEqualTo("Paracetamol");

        // Stopping a medicine takes it off the current list.
        data(post(
                doctor,
                "mutation($input: StopMedicationInput!) { stopMedication(input: $input) { prescriptionId } }",
                Map.of("input", Map.of("prescriptionId", id, "item", 0, "reason", "fever settled"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> data(post(doctor, CHART, Map.of("id", patient)))
                .at("/patientChart/currentMedications")
                .isEmpty());

        // Every read was logged.
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?::uuid and view like 'chart.%'",
                        Long.class, patient))
                .isGreaterThanOrEqualTo(3);
    }

    private long signedCount() {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype = ?",
                Long.class,
                "org.carelog.api.prescription.PrescriptionSigned");
    }

    @Test
    void aDoctorWhoseBmdcRegistrationExpiredCannotSign() {
        String patient = registeredPatient();
        String expired = doctor(LocalDate.now(clock).plusDays(1));
        String visit = openEncounter(expired, patient);
        clock.advance(Duration.ofDays(3));
        JsonNode refused = json(post(expired, WRITE, Map.of("input", prescription(patient, visit, null))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asText()).contains("expired");
    }

    @Test
    void aNurseCannotPrescribe() {
        String patient = registeredPatient();
        // The role is refused before anything else is looked at: no encounter is needed to show it.
        JsonNode refused = json(post(
                credentials(Role.NURSE),
                WRITE,
                Map.of("input", prescription(patient, UUID.randomUUID().toString(), null))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void receptionAndBillingCannotReadPrescriptions() {
        String patient = registeredPatient();
        String doctor = doctor(LocalDate.now().plusYears(1));
        String id = data(post(
                        doctor, WRITE, Map.of("input", prescription(patient, openEncounter(doctor, patient), null))))
                .at("/writePrescription/prescriptionId")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !data(post(doctor, PRESCRIPTION, Map.of("id", id)))
                .get("prescription")
                .isNull());
        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING)) {
            JsonNode one = json(post(credentials(role), PRESCRIPTION, Map.of("id", id)));
            assertThat(one.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
            assertThat(one.at("/data/prescription").isNull()
                            || one.at("/data/prescription").isMissingNode())
                    .isTrue();
            JsonNode chart = json(post(credentials(role), CHART, Map.of("id", patient)));
            assertThat(chart.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void aFormularyWithABadRowImportsNothingAndAGoodOneUpdatesByBrandStrengthAndForm() throws Exception {
        String brand = "Zetafen" + Long.toString(unique(), 36);
        String good = "brand,generic,strength,form,manufacturer,unit_price\n"
                + brand + ",Paracetamol,500 mg,Tablet,Fictional Pharma Ltd,1.20\n"
                + brand + " Plus,Paracetamol + Caffeine,500 mg + 65 mg,TAB,Fictional Pharma Ltd,2.50\n";
        String bad = good + brand + " Syrup,Notamedicine,120 mg/5 ml,Potion,Fictional Pharma Ltd,abc\n";
        String mutation =
                "mutation($input: ImportFormularyInput!) { importFormulary(input: $input) { added updated } }";

        JsonNode refused = json(post(credentials(Role.ADMIN), mutation, Map.of("input", Map.of("csv", bad))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(refused.toString())
                .contains("line 4")
                .contains("Notamedicine")
                .contains("Potion");
        assertThat(jdbc.queryForObject(
                        "select count(*) from formulary_item where brand like ?", Long.class, brand + "%"))
                .isZero();

        JsonNode first = data(post(credentials(Role.ADMIN), mutation, Map.of("input", Map.of("csv", good))));
        assertThat(first.at("/importFormulary/added").asInt()).isEqualTo(2);
        JsonNode again = data(
                post(credentials(Role.ADMIN), mutation, Map.of("input", Map.of("csv", good.replace("1.20", "1.50")))));
        assertThat(again.at("/importFormulary/updated").asInt()).isEqualTo(2);

        JsonNode found = data(post(
                credentials(Role.DOCTOR),
                "query($t: String!) { formulary(text: $t) { brand genericName form formCode unitPrice { amount } } }",
                Map.of("t", brand)));
        assertThat(found.at("/formulary/0/brand").asText()).isEqualTo(brand);
        assertThat(found.at("/formulary/0/genericName").asText()).isEqualTo("Acetaminophen");
        assertThat(found.at("/formulary/0/formCode").asText()).isEqualTo("TAB");
        assertThat(found.at("/formulary/0/unitPrice/amount").asText()).isEqualTo("1.50");

        // The example shipped for facilities imports cleanly.
        String demo = new String(
                getClass().getResourceAsStream("/demo/formulary.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode shipped = data(post(credentials(Role.ADMIN), mutation, Map.of("input", Map.of("csv", demo))));
        assertThat(shipped.at("/importFormulary/added").asInt()
                        + shipped.at("/importFormulary/updated").asInt())
                .isEqualTo(9);

        JsonNode notAdmin = json(post(credentials(Role.DOCTOR), mutation, Map.of("input", Map.of("csv", good))));
        assertThat(notAdmin.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aRebuiltMedicationChartEqualsTheLiveOne() {
        String patient = registeredPatient();
        String doctor = doctor(LocalDate.now().plusYears(1));
        data(post(
                credentials(Role.NURSE),
                RECORD_ALLERGY,
                Map.of(
                        "input",
                        map(
                                "patientId",
                                patient,
                                "substance",
                                map("name", "prawns"),
                                "category",
                                "FOOD",
                                "severity",
                                "SEVERE"))));
        data(post(doctor, WRITE, Map.of("input", prescription(patient, openEncounter(doctor, patient), null))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from prescription_index where patient_id = ?::uuid",
                                Long.class,
                                patient)
                        == 1);
        String charts = "select medication_chart::text from medication_chart order by patient_id";
        String index = "select prescription_index::text from prescription_index order by prescription_id";
        List<String> liveCharts = jdbc.queryForList(charts, String.class);
        List<String> liveIndex = jdbc.queryForList(index, String.class);

        StreamingEventProcessor processor = processing
                .eventProcessor("medication-chart", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from medication_chart", Long.class))
                .isZero();
        processor.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(jdbc.queryForList(charts, String.class)).isEqualTo(liveCharts);
                    assertThat(jdbc.queryForList(index, String.class)).isEqualTo(liveIndex);
                });
    }
}
