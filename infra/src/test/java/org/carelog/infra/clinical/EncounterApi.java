package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;

/** A clinic built over GraphQL for the encounter tests: a doctor with a chamber and a session today, patients. */
abstract class EncounterApi extends IntegrationTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    static final String OPEN = "mutation($input: OpenEncounterInput!) { openEncounter(input: $input) { encounterId } }";
    static final String NOTE = "mutation($input: WriteClinicalNoteInput!) { writeClinicalNote(input: $input) {"
            + " encounterId section version } }";
    static final String VITALS = "mutation($input: RecordVitalSignsInput!) { recordVitalSigns(input: $input) {"
            + " vitalsId temperatureCelsius glucoseMmolPerL bmi } }";
    static final String DIAGNOSE =
            "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) {" + " diagnosisId } }";
    static final String RESOLVE =
            "mutation($input: ChangeDiagnosisInput!) { resolveDiagnosis(input: $input) {" + " diagnosisId } }";
    static final String SIGN = "mutation($input: SignEncounterInput!) { signEncounter(input: $input) { encounterId } }";
    static final String ENCOUNTER = "query($id: ID!) { encounter(id: $id) { id patientId type origin appointmentId"
            + " tokenId attendingPractitionerId status signedBy notes { section version text versions { version text"
            + " amendment reason author authorRole writtenAt } } vitals { systolic temperatureCelsius bmi }"
            + " diagnoses { code title uncoded rank status } } }";
    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { patientId"
            + " encounters { id status type notes { section version text versions { version amendment reason } }"
            + "   vitals { systolic } diagnoses { code } }"
            + " vitals { encounterId takenAt systolic diastolic pulse temperatureCelsius spo2 respiratoryRate weightKg"
            + "   heightCm bmi glucoseMmolPerL }"
            + " diagnoses { id code system title uncoded rank status statusReason }"
            + " activeProblems { id code title } } }";
    static final String WORKLIST = "query { myWorklist { kind patientId appointmentId tokenId label encounterId at } }";

    /** A doctor registered with a chamber session all of today, and the credentials of an account acting as them. */
    record Doctor(String practitionerId, String chamber, String credentials) {}

    Doctor doctor() {
        String department = createDepartment("Encounter Test", "পরিদর্শন বিভাগ");
        String chamber = createServicePoint(department, "CHAMBER").id();
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(2));
        ok(
                credentials(Role.ADMIN),
                "mutation($input: ChangeDayAvailabilityInput!) { changeDayAvailability(input: $input) {"
                        + " practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                practitioner,
                                "date",
                                LocalDate.now(DHAKA).toString(),
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId",
                                        chamber,
                                        "start",
                                        "00:00",
                                        "end",
                                        "23:55",
                                        "slotMinutes",
                                        5,
                                        "capacity",
                                        1)))));
        return new Doctor(practitioner, chamber, staffActingAs(Role.DOCTOR, practitioner));
    }

    /** A walk-in appointment with the doctor now, checked in; its id. */
    String checkedInAppointment(Doctor doctor, String patient) {
        LocalTime now = LocalTime.now(DHAKA);
        LocalTime slot = now.withSecond(0).withNano(0).minusMinutes(now.getMinute() % 5);
        Map<String, Object> booking = new HashMap<>();
        booking.put("patientId", patient);
        booking.put("practitionerId", doctor.practitionerId());
        booking.put(
                "start",
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
                        .format(LocalDate.now(DHAKA).atTime(slot).atZone(DHAKA)));
        booking.put("walkIn", true);
        String appointment = ok(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                        Map.of("input", booking))
                .at("/bookSlot/appointmentId")
                .asText();
        ok(
                credentials(Role.RECEPTIONIST),
                "mutation($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) { appointmentId } }",
                Map.of("input", Map.of("appointmentId", appointment)));
        return appointment;
    }

    JsonNode ok(String credentials, String query, Map<String, Object> variables) {
        return data(post(credentials, query, variables));
    }

    /** The first error's code, asserting there is one. */
    String refusal(String credentials, String query, Map<String, Object> input) {
        JsonNode body = json(post(credentials, query, Map.of("input", input)));
        assertThat(body.path("errors").isMissingNode()).as(body.toString()).isFalse();
        return body.at("/errors/0/extensions/code").asText();
    }

    /** The fields a VALIDATION error names. */
    List<String> violations(String credentials, String query, Map<String, Object> input) {
        JsonNode body = json(post(credentials, query, Map.of("input", input)));
        assertThat(body.at("/errors/0/extensions/code").asText())
                .as(body.toString())
                .isEqualTo("VALIDATION");
        JsonNode violations = body.at("/errors/0/extensions/violations");
        return violations.isMissingNode()
                ? List.of(body.at("/errors/0/extensions/field").asText())
                : violations.findValuesAsText("field");
    }

    String open(String credentials, Map<String, Object> input) {
        return ok(credentials, OPEN, Map.of("input", input))
                .at("/openEncounter/encounterId")
                .asText();
    }

    String diagnose(String credentials, String encounter, String rank, String code, String uncoded) {
        return ok(
                        credentials,
                        DIAGNOSE,
                        Map.of(
                                "input",
                                map("encounterId", encounter, "rank", rank, "code", code, "uncodedText", uncoded)))
                .at("/recordDiagnosis/diagnosisId")
                .asText();
    }

    /** A result once the read model shows what {@code expected} looks for. */
    JsonNode awaitRead(String credentials, String query, Map<String, Object> variables, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> expected.test(last[0] = ok(credentials, query, variables)));
        return last[0];
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
