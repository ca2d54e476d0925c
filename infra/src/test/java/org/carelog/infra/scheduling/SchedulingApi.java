package org.carelog.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;

/** A facility built over GraphQL for scheduling tests: departments, chambers, doctors, patients, sessions. */
abstract class SchedulingApi extends IntegrationTest {

    static final long PATIENT_NUMBERS = 50_000_000L;
    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final List<String> EVERY_DAY =
            List.of("SATURDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    static final String BOOK_SLOT = "mutation($input: BookSlotInput!) { bookSlot(input: $input) {"
            + " appointmentId practitionerId servicePointId start end visitKind reason } }";
    static final String BOOK_APPOINTMENT = "mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {"
            + " appointmentId practitionerId start visitKind reason } }";
    static final String AVAILABLE = "query($p: ID, $s: String, $from: Date!, $to: Date!) {"
            + " availableSlots(practitionerId: $p, specialty: $s, from: $from, to: $to) {"
            + " practitionerId start end freePlaces } }";
    static final String CALENDAR = "query($p: ID!, $d: Date!) { dayCalendar(practitionerId: $p, date: $d) {"
            + " id patientId start status rebookingCause visitKind } }";

    /** A working day a week or more ahead (never the Friday off day). */
    static LocalDate workingDay(int daysAhead) {
        LocalDate day = LocalDate.now(DHAKA).plusDays(daysAhead);
        return day.getDayOfWeek() == DayOfWeek.FRIDAY ? day.plusDays(1) : day;
    }

    JsonNode ok(HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
        return body.get("data");
    }

    JsonNode as(Role role, String query, Map<String, Object> variables) {
        return json(post(credentials(role), query, variables));
    }

    JsonNode ok(Role role, String query, Map<String, Object> variables) {
        return ok(post(credentials(role), query, variables));
    }

    String department() {
        return createDepartment("Scheduling Test", "সময়সূচি বিভাগ");
    }

    String chamber(String departmentId) {
        return createServicePoint(departmentId, "CHAMBER").id();
    }

    String doctor(String departmentId, String specialty, List<String> languages) {
        long n = unique();
        return ok(
                        Role.ADMIN,
                        "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { practitionerId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "nameEn",
                                        "Dr. Slot " + letters(n),
                                        "role",
                                        "DOCTOR",
                                        "bmdc",
                                        Map.of(
                                                "number",
                                                "A-" + (100_000 + n % 899_999),
                                                "expiresOn",
                                                LocalDate.now().plusYears(2).toString()),
                                        "specialty",
                                        specialty,
                                        "departmentId",
                                        departmentId,
                                        "languages",
                                        languages,
                                        "fees",
                                        Map.of("newVisit", "800", "followUp", "500"))))
                .at("/registerPractitioner/practitionerId")
                .asText();
    }

    /** Weekly sessions on every day (the Friday off day still closes Fridays). */
    void weekly(String practitionerId, String chamber, String start, String end, int slotMinutes, int capacity) {
        ok(
                Role.ADMIN,
                "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                practitionerId,
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId", chamber,
                                        "days", EVERY_DAY,
                                        "start", start,
                                        "end", end,
                                        "slotMinutes", slotMinutes,
                                        "capacity", capacity,
                                        "types", List.of("IN_PERSON", "VIRTUAL"))))));
    }

    /** A registered patient, out of the way of other tests' searches ({@link PatientFixtures#bystander}). */
    String patient() {
        return ok(
                        Role.RECEPTIONIST,
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", PatientFixtures.bystander(PATIENT_NUMBERS + unique())))
                .at("/registerPatient/patientId")
                .asText();
    }

    /** A number spelled in letters (names take no digits): 407 → "Eah". */
    static String letters(long n) {
        StringBuilder word = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            word.append((char) ('a' + (digit - '0')));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String at(LocalDate date, String time) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
                .format(date.atTime(java.time.LocalTime.parse(time)).atZone(DHAKA));
    }

    static Map<String, Object> slot(String patientId, String practitionerId, String start) {
        return Map.of("patientId", patientId, "practitionerId", practitionerId, "start", start);
    }
}
