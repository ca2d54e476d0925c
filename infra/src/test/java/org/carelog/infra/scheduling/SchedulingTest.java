package org.carelog.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/** Booking and the appointment's life over GraphQL on HTTP, against PostgreSQL. */
class SchedulingTest extends SchedulingApi {

    static final String CANCEL =
            "mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointmentId } }";
    static final String HISTORY = "query($id: ID!) { appointment(id: $id) { appointment { status visitKind }"
            + " history { event username role detail } } }";

    @Test
    void aBookedSlotLeavesAvailableSlotsAFullSlotIsAConflictWithAlternativesAndCancellingFreesIt() {
        String department = department();
        String chamber = chamber(department);
        String doctor = doctor(department, "Medicine", List.of("BN"));
        weekly(doctor, chamber, "17:00", "18:00", 15, 1);
        LocalDate day = workingDay(7);
        String rahim = patient();
        String fatema = patient();
        String five = at(day, "17:00");

        JsonNode booked = ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(rahim, doctor, five)))
                .get("bookSlot");
        String appointment = booked.get("appointmentId").asText();
        assertThat(booked.get("servicePointId").asText()).isEqualTo(chamber);
        assertThat(booked.get("visitKind").asText()).isEqualTo("NEW_VISIT");
        assertThat(booked.get("end").asText()).isEqualTo(at(day, "17:15"));

        JsonNode refused = as(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(fatema, doctor, five)));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT");
        assertThat(refused.at("/errors/0/extensions/reason").asText()).isEqualTo("SLOT_FULL");
        assertThat(refused.at("/errors/0/extensions/alternatives/0/start").asText())
                .isEqualTo(at(day, "17:15"));
        assertThat(refused.at("/errors/0/extensions/alternatives").size()).isEqualTo(5);

        Map<String, Object> range = Map.of("p", doctor, "from", day.toString(), "to", day.toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ok(Role.NURSE, AVAILABLE, range).get("availableSlots").findValuesAsText("start"))
                    .containsExactly(at(day, "17:15"), at(day, "17:30"), at(day, "17:45"));
            JsonNode calendar = ok(Role.DOCTOR, CALENDAR, Map.of("p", doctor, "d", day.toString()))
                    .get("dayCalendar");
            assertThat(calendar.size()).isEqualTo(1);
            assertThat(calendar.at("/0/status").asText()).isEqualTo("BOOKED");
        });

        ok(
                Role.RECEPTIONIST,
                CANCEL,
                Map.of(
                        "input",
                        Map.of("appointmentId", appointment, "cancelledBy", "PATIENT", "reason", "Fever is gone")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ok(Role.NURSE, AVAILABLE, range).get("availableSlots").findValuesAsText("start"))
                    .startsWith(at(day, "17:00"));
            JsonNode record =
                    ok(Role.AUDITOR, HISTORY, Map.of("id", appointment)).get("appointment");
            assertThat(record.at("/appointment/status").asText()).isEqualTo("CANCELLED");
            assertThat(record.get("history").findValuesAsText("event")).containsExactly("BOOKED", "CANCELLED");
            assertThat(record.at("/history/1/username").asText()).isEqualTo(username(Role.RECEPTIONIST));
            assertThat(record.at("/history/1/role").asText()).isEqualTo("RECEPTIONIST");
            assertThat(record.at("/history/1/detail").asText()).isEqualTo("by patient: Fever is gone");
        });
        ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(fatema, doctor, five)));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndOnlyTheFrontDeskBooks() {
        long before = eventCount();
        JsonNode invalid = as(
                Role.RECEPTIONIST,
                BOOK_SLOT,
                Map.of(
                        "input",
                        Map.of("patientId", "nope", "practitionerId", "x", "start", at(workingDay(7), "17:00"))));
        assertThat(invalid.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(invalid.at("/errors/0/extensions/violations").findValuesAsText("field"))
                .containsExactly("patientId", "practitionerId");
        JsonNode forbidden = as(
                Role.DOCTOR,
                BOOK_SLOT,
                Map.of("input", slot(patient(), "00000000-0000-0000-0000-000000000001", at(workingDay(7), "17:00"))));
        assertThat(forbidden.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        JsonNode sessions = as(
                Role.ADMIN,
                "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                "00000000-0000-0000-0000-000000000001",
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId", "00000000-0000-0000-0000-000000000002",
                                        "start", "21:00",
                                        "end", "9pm",
                                        "slotMinutes", 2)))));
        assertThat(sessions.at("/errors/0/extensions/violations").findValuesAsText("field"))
                .containsExactly("sessions[0].end");
        assertThat(eventCount() - before)
                .as("one patient registered, nothing else")
                .isEqualTo(1);
    }

    @Test
    void theSameBookingRetriedWithItsIdempotencyKeyBooksOnce() {
        String department = department();
        String doctor = doctor(department, "Medicine", List.of("BN"));
        weekly(doctor, chamber(department), "09:00", "10:00", 20, 3);
        Map<String, Object> input = new HashMap<>(slot(patient(), doctor, at(workingDay(8), "09:20")));
        input.put("idempotencyKey", "book-" + unique());
        String first = ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", input))
                .at("/bookSlot/appointmentId")
                .asText();
        String again = ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", input))
                .at("/bookSlot/appointmentId")
                .asText();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject(
                        "select count(*) from appointment_booking where practitioner_id = ?::uuid",
                        Integer.class,
                        doctor))
                .isEqualTo(1);
    }

    @Test
    void aPatientNeverHoldsOverlappingAppointmentsEvenWithDifferentDoctors() {
        String department = department();
        String chamber = chamber(department);
        String first = doctor(department, "Medicine", List.of("BN"));
        String second = doctor(department, "Medicine", List.of("BN"));
        weekly(first, chamber, "10:00", "11:00", 30, 1);
        weekly(second, chamber(department), "10:15", "11:15", 30, 1);
        LocalDate day = workingDay(9);
        String rahim = patient();
        ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(rahim, first, at(day, "10:00"))));
        JsonNode refused = as(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(rahim, second, at(day, "10:15"))));
        assertThat(refused.at("/errors/0/extensions/reason").asText()).isEqualTo("PATIENT_OVERLAP");
        assertThat(refused.at("/errors/0/extensions/alternatives/0/start").asText())
                .as("the next slot clear of the patient's appointment")
                .isEqualTo(at(day, "10:45"));
    }

    @Test
    void leaveAddedAfterBookingsFlagsThemForRebookingAndNewBookingsGetAlternatives() {
        String department = department();
        String chamber = chamber(department);
        String specialty = "Leave " + unique();
        String doctor = doctor(department, specialty, List.of("BN"));
        String colleague = doctor(department, specialty, List.of("BN"));
        weekly(doctor, chamber, "11:00", "12:00", 30, 1);
        weekly(colleague, chamber(department), "11:00", "12:00", 30, 1);
        LocalDate day = workingDay(10);
        String appointment = ok(
                        Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(patient(), doctor, at(day, "11:00"))))
                .at("/bookSlot/appointmentId")
                .asText();

        ok(
                Role.ADMIN,
                "mutation($input: AddLeaveInput!) { addLeave(input: $input) { leaveId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                doctor,
                                "from",
                                day.toString(),
                                "to",
                                day.toString(),
                                "reason",
                                "Conference")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode flagged = ok(
                            Role.RECEPTIONIST,
                            "{ appointmentsNeedingRebooking(first: 100) { edges { node { id status rebookingCause } } } }",
                            Map.of())
                    .at("/appointmentsNeedingRebooking/edges");
            assertThat(flagged.findValuesAsText("id")).contains(appointment);
        });
        JsonNode calendar = ok(Role.DOCTOR, CALENDAR, Map.of("p", doctor, "d", day.toString()))
                .get("dayCalendar");
        assertThat(calendar.at("/0/status").asText()).as("kept, never dropped").isEqualTo("BOOKED");
        assertThat(calendar.at("/0/rebookingCause").asText()).isEqualTo("LEAVE");

        JsonNode refused = as(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(patient(), doctor, at(day, "11:30"))));
        assertThat(refused.at("/errors/0/extensions/reason").asText()).isEqualTo("ON_LEAVE");
        assertThat(refused.at("/errors/0/extensions/alternatives/0/practitionerId")
                        .asText())
                .as("the practitioner's next day, or a colleague")
                .isIn(doctor, colleague);
        assertThat(ok(Role.NURSE, AVAILABLE, Map.of("p", doctor, "from", day.toString(), "to", day.toString()))
                        .get("availableSlots"))
                .isEmpty();
    }

    @Test
    void automaticAssignmentPicksTheEarliestFittingSlotAcrossPractitionersAndSaysWhy() {
        String department = department();
        String specialty = "Auto " + unique();
        String morning = doctor(department, specialty, List.of("BN"));
        String english = doctor(department, specialty, List.of("EN"));
        String evening = doctor(department, specialty, List.of("BN", "EN"));
        weekly(morning, chamber(department), "09:00", "10:00", 30, 1);
        weekly(english, chamber(department), "08:00", "09:00", 30, 1);
        weekly(evening, chamber(department), "18:00", "19:00", 30, 1);
        LocalDate day = workingDay(11);
        Map<String, Object> wanted = new HashMap<>(
                Map.of("patientId", patient(), "specialty", specialty, "from", day.toString(), "to", day.toString()));

        JsonNode earliest =
                ok(Role.RECEPTIONIST, BOOK_APPOINTMENT, Map.of("input", wanted)).get("bookAppointment");
        assertThat(earliest.get("practitionerId").asText()).isEqualTo(english);
        assertThat(earliest.get("start").asText()).isEqualTo(at(day, "08:00"));
        assertThat(earliest.get("reason").asText()).contains("Earliest free", "3 practitioners of " + specialty);

        wanted.put("patientId", patient());
        wanted.put("language", "BN");
        assertThat(ok(Role.RECEPTIONIST, BOOK_APPOINTMENT, Map.of("input", wanted))
                        .at("/bookAppointment/start")
                        .asText())
                .isEqualTo(at(day, "09:00"));

        wanted.put("patientId", patient());
        wanted.put("timeOfDay", "EVENING");
        JsonNode evenings =
                ok(Role.RECEPTIONIST, BOOK_APPOINTMENT, Map.of("input", wanted)).get("bookAppointment");
        assertThat(evenings.get("practitionerId").asText()).isEqualTo(evening);
        assertThat(evenings.get("reason").asText()).contains("in the evening", "speaking BN");

        wanted.put("patientId", patient());
        wanted.put("timeOfDay", "AFTERNOON");
        JsonNode none = as(Role.RECEPTIONIST, BOOK_APPOINTMENT, Map.of("input", wanted));
        assertThat(none.at("/errors/0/extensions/reason").asText()).isEqualTo("NO_FITTING_SLOT");
        assertThat(none.at("/errors/0/extensions/alternatives/0/start").asText())
                .isEqualTo(at(day, "08:30"));
    }

    @Test
    void rescheduleMovesTheAppointmentInOneStepAndTheHistoryShowsBoth() {
        String department = department();
        String doctor = doctor(department, "Medicine", List.of("BN"));
        weekly(doctor, chamber(department), "14:00", "15:00", 30, 1);
        LocalDate day = workingDay(12);
        String rahim = patient();
        String appointment = ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(rahim, doctor, at(day, "14:00"))))
                .at("/bookSlot/appointmentId")
                .asText();
        JsonNode moved = ok(
                        Role.RECEPTIONIST,
                        "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {"
                                + " appointmentId start } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "appointmentId",
                                        appointment,
                                        "start",
                                        at(
                                                day.plusDays(1).getDayOfWeek() == java.time.DayOfWeek.FRIDAY
                                                        ? day.plusDays(2)
                                                        : day.plusDays(1),
                                                "14:30"),
                                        "reason",
                                        "Exam on the day")))
                .get("rescheduleAppointment");
        String replacement = moved.get("appointmentId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode record =
                    ok(Role.AUDITOR, HISTORY, Map.of("id", appointment)).get("appointment");
            assertThat(record.at("/appointment/status").asText()).isEqualTo("RESCHEDULED");
            assertThat(record.get("history").findValuesAsText("event")).containsExactly("BOOKED", "RESCHEDULED");
            assertThat(ok(Role.AUDITOR, HISTORY, Map.of("id", replacement))
                            .at("/appointment/history/0/detail")
                            .asText())
                    .isEqualTo("rescheduled from " + appointment);
        });
        // The old place is free: another patient takes it.
        ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(patient(), doctor, at(day, "14:00"))));
    }

    @Test
    void aPatientIsCheckedInOnTheDayAndOnlyClinicalStaffComplete() {
        java.time.LocalTime now = java.time.LocalTime.now(DHAKA);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                now.isBefore(java.time.LocalTime.of(23, 50)), "a slot of today must still be running");
        String department = department();
        String chamber = chamber(department);
        String doctor = doctor(department, "Medicine", List.of("BN"));
        LocalDate today = LocalDate.now(DHAKA);
        ok(
                Role.ADMIN,
                "mutation($input: ChangeDayAvailabilityInput!) { changeDayAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId", doctor,
                                "date", today.toString(),
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
        java.time.LocalTime current = now.withSecond(0).withNano(0).minusMinutes(now.getMinute() % 5);
        Map<String, Object> walkIn = new HashMap<>(slot(patient(), doctor, at(today, current.toString())));
        walkIn.put("walkIn", true);
        String appointment = ok(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", walkIn))
                .at("/bookSlot/appointmentId")
                .asText();
        String complete =
                "mutation($input: CompleteAppointmentInput!) { completeAppointment(input: $input) { appointmentId } }";
        Map<String, Object> input = Map.of("input", Map.of("appointmentId", appointment));
        assertThat(as(Role.DOCTOR, complete, input)
                        .at("/errors/0/extensions/code")
                        .asText())
                .as("not checked in yet")
                .isEqualTo("CONFLICT");
        ok(
                Role.RECEPTIONIST,
                "mutation($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) { appointmentId } }",
                input);
        assertThat(as(Role.RECEPTIONIST, complete, input)
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        ok(Role.DOCTOR, complete, input);
        String checkedIn = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domainevententry"
                        + " where payloadtype = 'org.carelog.api.scheduling.AppointmentCheckedIn' and aggregateidentifier = ?",
                String.class,
                doctor + "_" + today);
        assertThat(checkedIn).contains(appointment, chamber, "checkedInAt", "scheduledStart");
        // The check-in put the patient in the chamber's queue, seated at the appointment's time, once.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode tokens = ok(
                            Role.RECEPTIONIST,
                            "query($sp: ID!) { queue(servicePointId: $sp) { tokens { appointmentId"
                                    + " appointmentStart status label } } }",
                            Map.of("sp", chamber))
                    .at("/queue/tokens");
            assertThat(tokens.findValuesAsText("appointmentId")).containsExactly(appointment);
            assertThat(tokens.at("/0/appointmentStart").isNull()).isFalse();
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ok(Role.AUDITOR, HISTORY, Map.of("id", appointment))
                                .at("/appointment/history")
                                .findValuesAsText("event"))
                        .containsExactly("BOOKED", "CHECKED_IN", "COMPLETED"));
    }
}
