package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.carelog.api.common.Role;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.infra.communication.CommunicationApi;
import org.carelog.infra.scheduling.NoShowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The communication report against figures computed independently: what the test itself did to 200 patients (their
 * consent and addresses, bookings, cancellations, gateway refusals and outages, check-ins), checked against the SMS
 * the test gateway received and the e-mails the test mail server received, and the appointment events in the store.
 * One clinic day on the test clock: the 24-hour reminders the evening before (the first slot's refused by the
 * gateway, two waiting out an outage withdrawn when their appointments are cancelled), the 2-hour ones in an outage
 * (the first slot's expire; the others are withdrawn when their patients check in early, and go out when the gateway
 * is back for those who never come), "your turn is near" for the first in line,
 * delivery reports, check-ins and no-shows closed by the night job.
 */
class CommunicationReportsTest extends CommunicationApi {

    private static final int PER_SLOT = 20;
    private static final int PATIENTS = 10 * PER_SLOT;
    private static final String REPORT = "query($f: ReportFilterInput!) { communicationReport(filter: $f) {"
            + " messages { kind channel queued waiting sent delivered failed expired withdrawn skippedNoConsent"
            + " skippedNoAddress skippedNoPatient }"
            + " withReminder { appointments attended noShows noShowRate }"
            + " withoutReminder { appointments attended noShows noShowRate } } }";
    private static final List<String> FIGURES = List.of(
            "queued",
            "waiting",
            "sent",
            "delivered",
            "failed",
            "expired",
            "withdrawn",
            "skippedNoConsent",
            "skippedNoAddress",
            "skippedNoPatient");

    /** How a patient can be reached: by the patient's index, five in eight by SMS. */
    private enum Reach {
        SMS,
        EMAIL,
        NO_CONSENT,
        NO_ADDRESS;

        static Reach of(int i) {
            return switch (i % 8) {
                case 5 -> EMAIL;
                case 6 -> NO_CONSENT;
                case 7 -> NO_ADDRESS;
                default -> SMS;
            };
        }
    }

    @Autowired
    NoShowJob noShows;

    @Autowired
    EventStorageEngine events;

    @AfterEach
    void gatewayBackUp() {
        SMS_GATEWAY.up();
    }

    @Test
    void remindersAndNoShowsEqualWhatTheGatewayTheMailServerAndTheEventsSay() {
        LocalDate day = day(10);
        LocalDate eve = day.minusDays(1);
        // Reminders other tests left pending come due now, before the reported period starts.
        advanceTo(at(eve.minusDays(1), "23:00"));
        awaitNothingDue();
        advanceTo(at(eve, "08:00"));

        Doctor doctor = doctor();
        List<Patient> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            Patient patient =
                    switch (Reach.of(i)) {
                        case SMS -> patient("EN", true, false);
                        case EMAIL -> patient("EN", false, true);
                        case NO_CONSENT -> patient("EN", false, false);
                        case NO_ADDRESS -> patient("EN", false, false, false);
                    };
            patients.add(patient);
            appointments.add(book(patient, doctor, start(day, i)));
        }
        for (int i = 0; i < PATIENTS; i++) {
            if (cancelled(i)) {
                cancel(appointments.get(i));
            }
        }

        // The evening before: the first slot's 24-hour reminders are refused by the gateway.
        SMS_GATEWAY.refusing();
        advanceTo(at(eve, "14:00").plusSeconds(30));
        awaitFinal(keys(appointments, "PT24H", i -> !cancelled(i) && slot(i) == 0));
        // An outage: the second and third slots' reminders wait; two of those appointments are cancelled meanwhile,
        // their sagas still waiting for the 2-hour reminder, so the queued reminders are withdrawn.
        SMS_GATEWAY.down();
        advanceTo(at(eve, "14:15").plusSeconds(30));
        advanceTo(at(eve, "14:30").plusSeconds(30));
        awaitTried(keys(appointments, "PT24H", i -> !cancelled(i) && (slot(i) == 1 || slot(i) == 2)));
        for (int i = 0; i < PATIENTS; i++) {
            if (lateCancelled(i)) {
                cancel(appointments.get(i));
            }
        }
        awaitFinal(keys(appointments, "PT24H", CommunicationReportsTest::lateCancelled));
        SMS_GATEWAY.up();
        advanceTo(at(eve, "17:00"));
        awaitFinal(keys(appointments, "PT24H", i -> !cancelled(i)));

        // The day: the gateway is down when the 2-hour reminders come due.
        SMS_GATEWAY.down();
        advanceTo(at(day, "12:00").plusSeconds(30));
        awaitTried(keys(appointments, "PT2H", i -> open(i) && slot(i) == 0));
        advanceTo(at(day, "14:00").plusSeconds(30));
        // The first slot's reminders could not go before the appointment: expired.
        awaitFinal(keys(appointments, "PT2H", i -> open(i) && slot(i) == 0));
        // Slots 14:15 to 16:00 have their 2-hour reminder queued and tried once; 16:15's comes due at 14:15.
        awaitTried(keys(appointments, "PT2H", i -> open(i) && slot(i) >= 1 && slot(i) <= 8));
        List<Integer> attendees = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            if (open(i) && !noShow(i)) {
                data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) {"
                                + " appointmentId } }",
                        Map.of("input", map("appointmentId", appointments.get(i)))));
                attendees.add(i);
            }
        }
        // The first four in line (places 0 to 3: turn-near-places is 3) are told their turn is near, queued while
        // the gateway is down; the line is in check-in order, the order of the appointments.
        List<Integer> nearTurn = attendees.subList(0, 4);
        Set<String> patientIds = new HashSet<>();
        patients.forEach(p -> patientIds.add(p.id()));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> sentMessages().stream()
                                .filter(m -> m.kind().equals("TURN_NEAR") && patientIds.contains(m.patientId()))
                                .count(),
                        org.hamcrest.Matchers.equalTo((long) nearTurn.size()));
        // Back before the second slot's start: the queued reminders go out; then the last slot's no-show's is due.
        SMS_GATEWAY.up();
        advanceTo(at(day, "14:14"));
        awaitFinal(keys(appointments, "PT2H", i -> open(i) && slot(i) <= 8));
        advanceTo(at(day, "14:16"));
        awaitFinal(keys(appointments, "PT2H", i -> open(i) && (slot(i) <= 8 || noShow(i))));
        await().atMost(Duration.ofSeconds(60)).until(() -> sentMessages().stream()
                .filter(m -> patientIds.contains(m.patientId()))
                .noneMatch(m -> m.status().equals("QUEUED") || m.status().equals("SENDING")));

        // Every SMS the gateway took for these patients is reported delivered.
        Map<String, Patient> byPhone = new HashMap<>();
        patients.stream()
                .filter(p -> p.phone() != null)
                .forEach(p -> byPhone.put(p.phone().substring(1), p));
        List<TestSmsGatewaySms> received = SMS_GATEWAY.received().stream()
                .filter(s -> byPhone.containsKey(s.msisdn()))
                .map(s -> new TestSmsGatewaySms(s.reference(), s.text()))
                .toList();
        for (TestSmsGatewaySms sms : received) {
            HttpResponse<String> answer = send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/communication/sms/delivery-reports"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"csms_id\":\"" + sms.reference() + "\",\"status\":\"DELIVRD\"}")),
                    null,
                    "X-Callback-Secret",
                    SMS_CALLBACK_SECRET);
            assertThat(answer.statusCode()).isEqualTo(200);
        }

        advanceTo(at(day.plusDays(1), "01:00"));
        noShows.closeDays();
        awaitCaughtUp(OperationalReportProjector.PROCESSING_GROUP);

        // What the test did, per kind, channel and outcome.
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        for (int i = 0; i < PATIENTS; i++) {
            if (cancelled(i)) {
                continue;
            }
            Reach reach = Reach.of(i);
            expect(
                    expected,
                    "APPOINTMENT_REMINDER",
                    reach,
                    slot(i) == 0 ? "failed" : lateCancelled(i) ? "withdrawn" : "delivered");
            // The 2-hour reminders: the first slot's expired in the outage; the others queued in it were withdrawn
            // when their patients checked in early, and went out for those who never came (the last slot's only
            // for them: the others' deadline was cancelled by the check-in).
            if (open(i) && (slot(i) <= 8 || noShow(i))) {
                expect(
                        expected,
                        "APPOINTMENT_REMINDER",
                        reach,
                        slot(i) == 0 ? "expired" : noShow(i) ? "delivered" : "withdrawn");
            }
        }
        nearTurn.forEach(i -> expect(expected, "TURN_NEAR", Reach.of(i), "delivered"));

        // ... checked against what reached the gateway and the mail server.
        long reminderSms = received.stream()
                .filter(s -> s.text().contains("reminder of your appointment"))
                .count();
        long turnNearSms = received.stream()
                .filter(s -> s.text().contains("your turn is near"))
                .count();
        assertThat(reminderSms).isEqualTo(figure(expected, "APPOINTMENT_REMINDER", "SMS", "delivered"));
        assertThat(turnNearSms).isEqualTo(figure(expected, "TURN_NEAR", "SMS", "delivered"));
        long reminderMails = patients.stream()
                .filter(p -> p.email() != null)
                .flatMap(p -> mailSentTo(p.email()).stream())
                .filter(m -> m.text().contains("reminder of your appointment"))
                .count();
        assertThat(reminderMails).isEqualTo(figure(expected, "APPOINTMENT_REMINDER", "EMAIL", "sent"));
        assertThat(reminderMails).isPositive();

        Map<String, Object> filter = map("from", eve.toString(), "to", day.toString());
        JsonNode report = data(post(credentials(Role.AUDITOR), REPORT, Map.of("f", filter)))
                .get("communicationReport");
        Map<String, Map<String, Integer>> reported = new TreeMap<>();
        for (JsonNode row : report.get("messages")) {
            Map<String, Integer> figures = new TreeMap<>();
            FIGURES.forEach(f -> figures.put(f, row.get(f).asInt()));
            reported.put(row.get("kind").asText() + "/" + row.get("channel").asText(), figures);
        }
        assertThat(reported).isEqualTo(expected);

        // The no-show rates with and without a reminder that reached the patient, from the events.
        NoShows withReminder = new NoShows();
        NoShows withoutReminder = new NoShows();
        Set<String> reminded = reminded(patients, appointments);
        Map<UUID, String> outcomes = outcomes(doctor.departmentId());
        assertThat(outcomes).hasSize(PATIENTS);
        outcomes.forEach((appointment, outcome) -> {
            NoShows group = reminded.contains(appointment.toString()) ? withReminder : withoutReminder;
            switch (outcome) {
                case "ATTENDED" -> group.attended++;
                case "NO_SHOW" -> group.noShows++;
                default -> {}
            }
        });
        assertThat(withReminder.noShows).isPositive();
        assertThat(withoutReminder.noShows).isPositive();
        JsonNode department = data(post(
                        credentials(Role.ADMIN),
                        REPORT,
                        Map.of(
                                "f",
                                map(
                                        "from",
                                        eve.toString(),
                                        "to",
                                        day.toString(),
                                        "departmentId",
                                        doctor.departmentId()))))
                .get("communicationReport");
        withReminder.check(department.get("withReminder"));
        withoutReminder.check(department.get("withoutReminder"));
        assertThat(department.get("messages")).as("messages are facility-wide").isEqualTo(report.get("messages"));

        // The CSV has the same messages, one row each, and nothing personal.
        List<CSVRecord> rows = csv("/reports/messages.csv?from=" + eve + "&to=" + day, credentials(Role.ADMIN));
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly(
                        "day",
                        "kind",
                        "channel",
                        "status",
                        "decision",
                        "attempts",
                        "queued_at",
                        "sent_at",
                        "delivered_at",
                        "failed_at",
                        "appointment_id");
        Map<String, Map<String, Integer>> fromCsv = new TreeMap<>();
        for (CSVRecord row : rows) {
            assertThat(LocalDate.parse(row.get("day"))).isBetween(eve, day);
            String key = row.get("kind") + "/" + (row.get("channel").isEmpty() ? "null" : row.get("channel"));
            Map<String, Integer> figures = fromCsv.computeIfAbsent(key, k -> zeros());
            figures.merge("queued", 1, Integer::sum);
            figures.merge(bucket(row.get("status"), row.get("decision")), 1, Integer::sum);
        }
        assertThat(fromCsv).isEqualTo(reported);
        Set<String> reminderAppointments = new HashSet<>();
        rows.stream()
                .filter(r -> r.get("kind").equals("APPOINTMENT_REMINDER"))
                .forEach(r -> reminderAppointments.add(r.get("appointment_id")));
        Set<String> notCancelled = new HashSet<>();
        for (int i = 0; i < PATIENTS; i++) {
            if (!cancelled(i)) { // the late-cancelled have their withdrawn 24-hour reminder
                notCancelled.add(appointments.get(i));
            }
        }
        assertThat(reminderAppointments).isEqualTo(notCancelled);

        // Managers and auditors only; a bad filter is refused with its code.
        JsonNode refused = json(post(credentials(Role.RECEPTIONIST), REPORT, Map.of("f", filter)));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        HttpResponse<String> csvRefused = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/reports/messages.csv?from=" + eve + "&to=" + day))
                        .GET(),
                credentials(Role.DOCTOR));
        assertThat(csvRefused.statusCode()).isEqualTo(403);
        JsonNode backwards = json(
                post(credentials(Role.ADMIN), REPORT, Map.of("f", map("from", day.toString(), "to", eve.toString()))));
        assertThat(backwards.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        HttpResponse<String> badCsv = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/reports/messages.csv?from=" + day + "&to=" + eve))
                        .GET(),
                credentials(Role.ADMIN));
        assertThat(badCsv.statusCode()).isEqualTo(400);
        assertThat(json(badCsv).get("code").asText()).isEqualTo("VALIDATION");
    }

    private record TestSmsGatewaySms(String reference, String text) {}

    /** Attended and no-show appointments of one group, as the events say. */
    private static final class NoShows {
        int attended;
        int noShows;

        void check(JsonNode figures) {
            assertThat(figures.get("appointments").asInt()).isEqualTo(attended + noShows);
            assertThat(figures.get("attended").asInt()).isEqualTo(attended);
            assertThat(figures.get("noShows").asInt()).isEqualTo(noShows);
            assertThat(figures.get("noShowRate").asDouble())
                    .isCloseTo((double) noShows / (attended + noShows), within(1e-9));
        }
    }

    /**
     * Appointments a reminder reached before their start: an SMS the gateway took (its reference is our message id,
     * whose deduplication key names the appointment) or an e-mail the mail server received (one appointment per
     * patient). Every reminder here that reached anyone did so before its appointment: the test sends none later.
     */
    private Set<String> reminded(List<Patient> patients, List<String> appointments) {
        Set<String> reminded = new HashSet<>();
        for (var sms : SMS_GATEWAY.received()) {
            if (sms.reference() == null || !sms.reference().matches("[0-9a-f-]{36}")) {
                continue;
            }
            jdbc
                    .queryForList(
                            "select deduplication_key from communication_message where message_id = ?::uuid",
                            String.class,
                            sms.reference())
                    .stream()
                    .filter(key -> key.startsWith("appointment-reminder:"))
                    .forEach(key -> reminded.add(key.split(":")[1]));
        }
        for (int i = 0; i < patients.size(); i++) {
            String email = patients.get(i).email();
            if (Reach.of(i) == Reach.EMAIL
                    && email != null
                    && mailSentTo(email).stream().anyMatch(m -> m.text().contains("reminder of your appointment"))) {
                reminded.add(appointments.get(i));
            }
        }
        return reminded;
    }

    /** Each appointment of the department and what became of it (ATTENDED, NO_SHOW, CANCELLED), from the events. */
    private Map<UUID, String> outcomes(String departmentId) {
        Map<UUID, String> outcomes = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                if (payload instanceof SlotBooked booked
                        && booked.departmentId() != null
                        && booked.departmentId().value().toString().equals(departmentId)) {
                    outcomes.put(booked.appointmentId().value(), "BOOKED");
                } else if (payload instanceof AppointmentCancelled c) {
                    outcomes.computeIfPresent(c.appointmentId().value(), (k, v) -> "CANCELLED");
                } else if (payload instanceof AppointmentCheckedIn c) {
                    outcomes.computeIfPresent(c.appointmentId().value(), (k, v) -> "ATTENDED");
                } else if (payload instanceof AppointmentMarkedNoShow n) {
                    outcomes.computeIfPresent(n.appointmentId().value(), (k, v) -> "NO_SHOW");
                }
            });
        }
        return outcomes;
    }

    private static void expect(Map<String, Map<String, Integer>> expected, String kind, Reach reach, String outcome) {
        String channel =
                switch (reach) {
                    case SMS -> "SMS";
                    case EMAIL -> "EMAIL";
                    default -> "null";
                };
        String figure =
                switch (reach) {
                    case SMS -> outcome;
                    case EMAIL -> "sent"; // the mail server is never down here, and e-mail has no delivery report
                    case NO_CONSENT -> "skippedNoConsent";
                    case NO_ADDRESS -> "skippedNoAddress";
                };
        Map<String, Integer> figures = expected.computeIfAbsent(kind + "/" + channel, k -> zeros());
        figures.merge("queued", 1, Integer::sum);
        figures.merge(figure, 1, Integer::sum);
    }

    private static long figure(Map<String, Map<String, Integer>> expected, String kind, String channel, String name) {
        Map<String, Integer> figures = expected.get(kind + "/" + channel);
        return figures == null ? 0 : figures.get(name);
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> figures = new TreeMap<>();
        FIGURES.forEach(f -> figures.put(f, 0));
        return figures;
    }

    private static String bucket(String status, String decision) {
        return switch (status) {
            case "QUEUED", "SENDING" -> "waiting";
            case "SKIPPED" ->
                switch (decision) {
                    case "NO_CONSENT" -> "skippedNoConsent";
                    case "NO_ADDRESS" -> "skippedNoAddress";
                    default -> "skippedNoPatient";
                };
            default -> status.toLowerCase();
        };
    }

    private static int slot(int i) {
        return i / PER_SLOT;
    }

    private static boolean cancelled(int i) {
        return i % 10 == 9;
    }

    /** Cancelled while its 24-hour reminder waited out the outage: the first (SMS) patients of the second and third slots. */
    private static boolean lateCancelled(int i) {
        return i == PER_SLOT || i == 2 * PER_SLOT;
    }

    /** Neither cancelled at booking nor later. */
    private static boolean open(int i) {
        return !cancelled(i) && !lateCancelled(i);
    }

    private static boolean noShow(int i) {
        return i % 5 == 2;
    }

    /** {@link #PER_SLOT} patients a quarter-hour slot from 14:00 (the last slot 16:15). */
    private static Instant start(LocalDate day, int i) {
        return at(day, "14:00").plus(Duration.ofMinutes(15L * slot(i)));
    }

    private static List<String> keys(List<String> appointments, String offset, java.util.function.IntPredicate which) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < appointments.size(); i++) {
            if (which.test(i)) {
                keys.add("appointment-reminder:" + appointments.get(i) + ":" + offset);
            }
        }
        return keys;
    }

    /** Waits until each message is recorded and settled: sent, delivered, failed, skipped, withdrawn or expired. */
    private void awaitFinal(List<String> keys) {
        awaitMessages(keys, "status not in ('QUEUED', 'SENDING')");
    }

    /** Waits until each message is recorded and, if it is to be sent, has been tried at least once. */
    private void awaitTried(List<String> keys) {
        awaitMessages(keys, "status <> 'SENDING' and (status <> 'QUEUED' or attempts > 0)");
    }

    private void awaitMessages(List<String> keys, String condition) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from communication_message where deduplication_key = any(?) and "
                                        + condition,
                                Integer.class,
                                (Object) keys.toArray(String[]::new))
                        == keys.size());
    }

    /** Waits until no reminder deadline and no message is due at the test clock's time. */
    private void awaitNothingDue() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from scheduled_tasks where execution_time <= ?",
                                        Integer.class,
                                        Timestamp.from(clock.instant()))
                                + jdbc.queryForObject(
                                        "select count(*) from communication_message where status = 'SENDING'"
                                                + " or (status = 'QUEUED' and next_attempt_at <= ?)",
                                        Integer.class,
                                        Timestamp.from(clock.instant()))
                        == 0);
    }
}
