package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/** Encounters over GraphQL and HTTP on PostgreSQL: opening, notes, vital signs, diagnoses, signing, reading. */
class EncounterTest extends EncounterApi {

    @Test
    void aVisitFromACheckedInAppointmentToTheSignedChart() {
        Doctor doctor = doctor();
        String patient = registeredPatient();
        String appointment = checkedInAppointment(doctor, patient);

        String encounter = open(doctor.credentials(), map("type", "OUTPATIENT", "appointmentId", appointment));
        assertThat(open(doctor.credentials(), map("type", "OUTPATIENT", "appointmentId", appointment)))
                .as("opened again from the same appointment: the same encounter")
                .isEqualTo(encounter);
        assertThat(eventCount("org.carelog.api.clinical.EncounterOpened", encounter))
                .isEqualTo(1);

        JsonNode vitals = ok(
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
                                        "spo2",
                                        97,
                                        "respiratoryRate",
                                        18,
                                        "weightKg",
                                        70.0,
                                        "heightCm",
                                        170.0,
                                        "glucoseMgPerDl",
                                        126.0)))
                .get("recordVitalSigns");
        assertThat(vitals.get("temperatureCelsius").asDouble()).isEqualTo(38.5);
        assertThat(vitals.get("glucoseMmolPerL").asDouble()).isEqualTo(7.0);
        assertThat(vitals.get("bmi").asDouble()).isEqualTo(24.2);

        ok(
                credentials(Role.NURSE),
                NOTE,
                Map.of("input", map("encounterId", encounter, "section", "CHIEF_COMPLAINT", "text", "জ্বর ৩ দিন")));
        JsonNode second = ok(
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
                                        "জ্বর ৩ দিন, পাতলা পায়খানা")))
                .get("writeClinicalNote");
        assertThat(second.get("version").asInt()).isEqualTo(2);

        String cholera = diagnose(doctor.credentials(), encounter, "PRIMARY", "1A00", null);
        String uncoded = diagnose(doctor.credentials(), encounter, "SECONDARY", null, "Unexplained weight loss");
        assertThat(violations(
                        doctor.credentials(),
                        DIAGNOSE,
                        map("encounterId", encounter, "rank", "SECONDARY", "code", "XX99.9")))
                .as("a code that is not ICD-11 MMS")
                .containsExactly("code");
        assertThat(refusal(
                        doctor.credentials(),
                        DIAGNOSE,
                        map("encounterId", encounter, "rank", "PRIMARY", "code", "BA00.Z")))
                .as("a second primary")
                .isEqualTo("CONFLICT");

        ok(doctor.credentials(), SIGN, Map.of("input", map("encounterId", encounter)));
        assertThat(violations(
                        doctor.credentials(),
                        NOTE,
                        map("encounterId", encounter, "section", "CHIEF_COMPLAINT", "text", "Fever for 5 days")))
                .as("an amendment needs a reason")
                .containsExactly("reason");
        JsonNode amended = ok(
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
                                        "Fever for 5 days",
                                        "reason",
                                        "The patient's son corrected the duration")))
                .get("writeClinicalNote");
        assertThat(amended.get("version").asInt()).isEqualTo(3);
        assertThat(refusal(credentials(Role.NURSE), VITALS, map("encounterId", encounter, "pulse", 80)))
                .as("nothing but amendments after signing")
                .isEqualTo("CONFLICT");
        ok(
                doctor.credentials(),
                RESOLVE,
                Map.of("input", map("encounterId", encounter, "diagnosisId", cholera, "reason", "Recovered")));

        JsonNode one = awaitRead(
                        credentials(Role.AUDITOR),
                        ENCOUNTER,
                        Map.of("id", encounter),
                        r -> r.at("/encounter/notes/0/version").asInt() == 3
                                && r.at("/encounter/status").asText().equals("SIGNED"))
                .get("encounter");
        assertThat(one.get("patientId").asText()).isEqualTo(patient);
        assertThat(one.get("origin").asText()).isEqualTo("APPOINTMENT");
        assertThat(one.get("appointmentId").asText()).isEqualTo(appointment);
        assertThat(one.get("attendingPractitionerId").asText()).isEqualTo(doctor.practitionerId());
        JsonNode note = one.at("/notes/0");
        assertThat(note.get("text").asText()).isEqualTo("Fever for 5 days");
        assertThat(note.get("versions").findValuesAsText("text"))
                .containsExactly("জ্বর ৩ দিন", "জ্বর ৩ দিন, পাতলা পায়খানা", "Fever for 5 days");
        assertThat(note.get("versions").findValuesAsText("authorRole")).containsExactly("NURSE", "DOCTOR", "DOCTOR");
        assertThat(note.at("/versions/2/amendment").asBoolean()).isTrue();
        assertThat(note.at("/versions/2/reason").asText()).isEqualTo("The patient's son corrected the duration");

        JsonNode chart = awaitRead(
                        credentials(Role.DOCTOR),
                        CHART,
                        Map.of("p", patient),
                        r -> r.at("/patientChart/activeProblems").size() == 1)
                .get("patientChart");
        assertThat(chart.at("/encounters").size()).isEqualTo(1);
        assertThat(chart.at("/encounters/0/status").asText()).isEqualTo("SIGNED");
        assertThat(chart.at("/vitals/0/bmi").asDouble()).isEqualTo(24.2);
        assertThat(chart.at("/vitals/0/temperatureCelsius").asDouble()).isEqualTo(38.5);
        assertThat(chart.at("/diagnoses").findValuesAsText("id")).containsExactlyInAnyOrder(cholera, uncoded);
        JsonNode coded = chart.at("/diagnoses").findParents("id").stream()
                .filter(d -> d.get("id").asText().equals(cholera))
                .findFirst()
                .orElseThrow();
        assertThat(coded.get("title").asText()).isEqualTo("Cholera");
        assertThat(coded.get("system").asText()).isEqualTo("ICD11_MMS");
        assertThat(coded.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(chart.at("/activeProblems/0/id").asText()).isEqualTo(uncoded);
        assertThat(chart.at("/activeProblems/0/code").isNull()).isTrue();

        List<String> views = jdbc.queryForList(
                "select view from clinical_access_log where patient_id = ?", String.class, UUID.fromString(patient));
        assertThat(views).contains("encounter", "chart", "chart.encounters", "chart.vitals", "chart.diagnoses");
    }

    @Test
    void opensFromACalledTokenAndTheWorklistShowsWhatIsWaiting() {
        Doctor doctor = doctor();
        String patient = registeredPatient();
        String token = ok(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId } }",
                        Map.of("input", map("servicePointId", doctor.chamber(), "patientId", patient)))
                .at("/issueToken/tokenId")
                .asText();
        assertThat(refusal(doctor.credentials(), OPEN, map("type", "OUTPATIENT", "tokenId", token)))
                .as("a token still waiting")
                .isEqualTo("CONFLICT");
        ok(
                credentials(Role.DOCTOR),
                "mutation($input: CallNextTokenInput!) { callNextToken(input: $input) { tokenId } }",
                Map.of("input", map("servicePointId", doctor.chamber())));

        JsonNode waiting = awaitRead(doctor.credentials(), WORKLIST, Map.of(), r -> r.get("myWorklist")
                .findValuesAsText("tokenId")
                .contains(token));
        assertThat(waiting.get("myWorklist").findValuesAsText("kind")).contains("TOKEN");

        String encounter = open(doctor.credentials(), map("type", "OUTPATIENT", "tokenId", token));
        assertThat(open(doctor.credentials(), map("type", "OUTPATIENT", "tokenId", token)))
                .isEqualTo(encounter);

        JsonNode worklist = awaitRead(doctor.credentials(), WORKLIST, Map.of(), r -> r.get("myWorklist")
                        .findValuesAsText("encounterId")
                        .contains(encounter))
                .get("myWorklist");
        assertThat(worklist.findValuesAsText("kind")).containsExactly("ENCOUNTER");
        assertThat(worklist.get(0).get("tokenId").asText()).isEqualTo(token);
        assertThat(worklist.get(0).get("patientId").asText()).isEqualTo(patient);
        JsonNode opened = awaitRead(doctor.credentials(), ENCOUNTER, Map.of("id", encounter), r -> !r.get("encounter")
                        .isNull())
                .get("encounter");
        assertThat(opened.get("origin").asText()).isEqualTo("TOKEN");
    }

    @Test
    void theWorklistListsACheckedInAppointmentUntilItsEncounterIsOpened() {
        Doctor doctor = doctor();
        String patient = registeredPatient();
        String appointment = checkedInAppointment(doctor, patient);
        JsonNode before = awaitRead(doctor.credentials(), WORKLIST, Map.of(), r -> r.get("myWorklist")
                        .findValuesAsText("appointmentId")
                        .contains(appointment))
                .get("myWorklist");
        assertThat(before.findValuesAsText("kind")).contains("APPOINTMENT");
        String encounter = open(doctor.credentials(), map("type", "FOLLOW_UP", "appointmentId", appointment));
        JsonNode after = awaitRead(doctor.credentials(), WORKLIST, Map.of(), r -> r.get("myWorklist")
                        .findValuesAsText("encounterId")
                        .contains(encounter))
                .get("myWorklist");
        assertThat(after.findValuesAsText("kind")).containsExactly("ENCOUNTER");
    }

    @Test
    void anEmergencyOpensDirectlyAndTheRolesHold() {
        Doctor doctor = doctor();
        Doctor other = doctor();
        String patient = registeredPatient();
        String nurse = credentials(Role.NURSE);
        assertThat(violations(nurse, OPEN, map("type", "EMERGENCY", "patientId", patient)))
                .as("a nurse acting as no practitioner names the attending doctor")
                .containsExactly("practitionerId");
        String encounter =
                open(nurse, map("type", "EMERGENCY", "patientId", patient, "practitionerId", doctor.practitionerId()));

        assertThat(violations(
                        nurse,
                        VITALS,
                        map(
                                "encounterId", encounter,
                                "systolic", 420,
                                "diastolic", 80,
                                "temperatureCelsius", 55.0,
                                "spo2", 120)))
                .containsExactly("systolic", "temperature", "spo2");
        ok(nurse, VITALS, Map.of("input", map("encounterId", encounter, "spo2", 88, "pulse", 130)));
        ok(nurse, NOTE, Map.of("input", map("encounterId", encounter, "section", "HISTORY", "text", "RTA")));

        Map<String, Object> diagnosis = map("encounterId", encounter, "rank", "PRIMARY", "code", "1A00");
        assertThat(refusal(nurse, DIAGNOSE, diagnosis))
                .as("nurses do not diagnose")
                .isEqualTo("FORBIDDEN");
        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING, Role.AUDITOR, Role.LAB_TECHNICIAN)) {
            assertThat(refusal(credentials(role), NOTE, map("encounterId", encounter, "section", "PLAN", "text", "x")))
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
            assertThat(refusal(credentials(role), VITALS, map("encounterId", encounter, "pulse", 80)))
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
        Map<String, Object> uncoded = map(
                "idempotencyKey",
                key(),
                "encounterId",
                encounter,
                "rank",
                "PRIMARY",
                "uncodedText",
                "Polytrauma, details pending");
        String first = ok(doctor.credentials(), DIAGNOSE, Map.of("input", uncoded))
                .at("/recordDiagnosis/diagnosisId")
                .asText();
        assertThat(ok(doctor.credentials(), DIAGNOSE, Map.of("input", uncoded))
                        .at("/recordDiagnosis/diagnosisId")
                        .asText())
                .as("a retried request answers the first one's diagnosis")
                .isEqualTo(first);
        assertThat(eventCount("org.carelog.api.clinical.DiagnosisRecorded", encounter))
                .isEqualTo(1);
        assertThat(refusal(nurse, SIGN, map("encounterId", encounter))).isEqualTo("FORBIDDEN");
        assertThat(refusal(other.credentials(), SIGN, map("encounterId", encounter)))
                .as("not the attending clinician")
                .isEqualTo("FORBIDDEN");
        ok(doctor.credentials(), SIGN, Map.of("input", map("encounterId", encounter)));

        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING)) {
            JsonNode refused = json(post(credentials(role), ENCOUNTER, Map.of("id", encounter)));
            assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        }
        JsonNode read = awaitRead(
                        credentials(Role.AUDITOR), ENCOUNTER, Map.of("id", encounter), r -> r.at("/encounter/status")
                                .asText()
                                .equals("SIGNED"))
                .get("encounter");
        assertThat(read.get("type").asText()).isEqualTo("EMERGENCY");
        assertThat(read.get("origin").asText()).isEqualTo("DIRECT");
        assertThat(read.at("/diagnoses/0/uncoded").asBoolean()).isTrue();
        assertThat(read.at("/vitals/0/systolic").isNull()).isTrue();
    }

    @Test
    void anUnknownAppointmentOrEncounterIsNotFound() {
        Doctor doctor = doctor();
        assertThat(refusal(
                        doctor.credentials(),
                        OPEN,
                        map(
                                "type",
                                "OUTPATIENT",
                                "appointmentId",
                                UUID.randomUUID().toString())))
                .isEqualTo("NOT_FOUND");
        assertThat(refusal(
                        doctor.credentials(),
                        NOTE,
                        map("encounterId", UUID.randomUUID().toString(), "section", "PLAN", "text", "ORS")))
                .isEqualTo("NOT_FOUND");
    }
}
