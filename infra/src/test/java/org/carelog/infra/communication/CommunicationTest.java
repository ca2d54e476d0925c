package org.carelog.infra.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Role;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.patient.PatientId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders and messages end to end: GraphQL bookings and plans, durable deadlines in PostgreSQL fired by moving the
 * clock, SMS to the in-process gateway over HTTP, e-mail to GreenMail over SMTP, the record staff read.
 */
class CommunicationTest extends CommunicationApi {

    @Autowired
    PatientMessaging messaging;

    @Test
    void anAppointmentReminderReachesThePatientBySmsInBanglaADayAndTwoHoursBefore() {
        Doctor doctor = doctor();
        Patient rahim = patient("BN", true, true);
        Instant start = at(day(3), "14:30");
        String appointment = book(rahim, doctor, start);
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where execution_time in (?, ?)",
                        Integer.class,
                        java.sql.Timestamp.from(start.minus(Duration.ofHours(24))),
                        java.sql.Timestamp.from(start.minus(Duration.ofHours(2)))))
                .as("two durable deadlines")
                .isGreaterThanOrEqualTo(2);
        assertThat(smsSentTo(rahim.phone())).isEmpty();

        advanceTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> smsSentTo(rahim.phone()).size() == 1);
        String text = smsSentTo(rahim.phone()).get(0);
        assertThat(text).contains("অ্যাপয়েন্টমেন্ট").contains("২:৩০").contains("ডা. পরীক্ষা");

        advanceTo(start.minus(Duration.ofHours(2)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> smsSentTo(rahim.phone()).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusesByKeyPrefix("appointment-reminder:" + appointment)
                .equals(java.util.List.of("SENT", "SENT")));

        JsonNode messages = data(post(credentials(Role.RECEPTIONIST), MESSAGES, Map.of("p", rahim.id())))
                .at("/patientMessages/edges");
        assertThat(messages.size()).isEqualTo(2);
        JsonNode first = messages.get(0).get("node");
        assertThat(first.get("kind").asText()).isEqualTo("APPOINTMENT_REMINDER");
        assertThat(first.get("channel").asText()).isEqualTo("SMS");
        assertThat(first.get("decision").asText()).isEqualTo("CONSENTED");
        assertThat(first.get("language").asText()).isEqualTo("BN");
        assertThat(first.get("text").asText()).isEqualTo(text);
        assertThat(first.get("segments").asInt())
                .isEqualTo(SmsSegments.of(text).parts())
                .isGreaterThan(1);
        assertThat(first.get("gatewayMessageId").asText()).isNotBlank();
        assertThat(SMS_GATEWAY.received().stream()
                        .filter(s -> s.msisdn().equals(rahim.phone().substring(1))))
                .allSatisfy(s -> assertThat(s.type()).isEqualTo("unicode"));
    }

    @Test
    void cancellingBeforeTheReminderRemovesItAndReschedulingMovesIt() {
        Doctor doctor = doctor();
        Patient karim = patient("EN", true, false);
        Instant start = at(day(4), "15:00");
        String cancelled = book(karim, doctor, start);
        int pendingBefore = jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class);
        cancel(cancelled);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class))
                .as("both deadlines deleted")
                .isEqualTo(pendingBefore - 2);

        Patient nasrin = patient("EN", true, false);
        String original = book(nasrin, doctor, start);
        Instant later = at(day(5), "16:00");
        String moved = data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {"
                                + " appointmentId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "appointmentId",
                                        original,
                                        "start",
                                        later.atZone(DHAKA).toOffsetDateTime().toString(),
                                        "reason",
                                        "Exam"))))
                .at("/rescheduleAppointment/appointmentId")
                .asText();
        awaitReminderSaga(moved);

        // past the cancelled and the original appointment's times, to the moved appointment's first reminder
        advanceTo(later.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> smsSentTo(nasrin.phone()).size() == 1);
        assertThat(smsSentTo(nasrin.phone()).get(0)).contains("reminder of your appointment");
        assertThat(statusesByKeyPrefix("appointment-reminder:" + moved)).containsExactly("SENT");
        assertThat(statusesByKeyPrefix("appointment-reminder:" + original)).isEmpty();
        assertThat(smsSentTo(karim.phone()))
                .as("nothing for the cancelled appointment")
                .isEmpty();
    }

    @Test
    void aWaitingPatientNearTheFrontGetsOneTurnNearSms() {
        String department = createDepartment("Queue", "লাইন");
        String servicePoint = createServicePoint(department, "CHAMBER").id();
        Patient lipi = patient("EN", true, false);
        String token = data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId label } }",
                        Map.of("input", Map.of("servicePointId", servicePoint, "patientId", lipi.id()))))
                .at("/issueToken/tokenId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> smsSentTo(lipi.phone()).size() == 1);
        assertThat(smsSentTo(lipi.phone()).get(0)).contains("your turn is near");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> statusesByKeyPrefix("turn-near:" + token).equals(java.util.List.of("SENT")));
    }

    @Test
    void withoutConsentNoReminderIsSentAndTheDecisionIsRecorded() {
        Doctor doctor = doctor();
        Patient silent = patient("BN", false, false);
        Instant start = at(day(3), "16:00");
        book(silent, doctor, start);
        advanceTo(start.minus(Duration.ofHours(2)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from communication_message where patient_id = ?::uuid",
                                Integer.class,
                                silent.id())
                        == 2);
        JsonNode messages = data(post(credentials(Role.ADMIN), MESSAGES, Map.of("p", silent.id())))
                .at("/patientMessages/edges");
        assertThat(messages.findValuesAsText("status")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(messages.findValuesAsText("decision")).containsExactly("NO_CONSENT", "NO_CONSENT");
        assertThat(smsSentTo(silent.phone())).isEmpty();
        assertThat(mailSentTo(silent.email())).isEmpty();
    }

    @Test
    void aFollowUpPlanIsRemindedByEMailWhenThePatientConsentedToEMailOnly() {
        String department = createDepartment("Follow-up", "ফলো-আপ");
        String doctor = staffActingAs(
                Role.DOCTOR, registerDoctor(department, LocalDate.now(clock).plusYears(2)));
        Patient mita = patient("EN", false, true);
        String encounter = openEncounter(doctor, mita.id());
        JsonNode plan = data(post(
                        doctor,
                        "mutation($input: PlanFollowUpInput!) { planFollowUp(input: $input) { encounterId dueOn } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "idempotencyKey",
                                        UUID.randomUUID().toString(),
                                        "encounterId",
                                        encounter,
                                        "inDays",
                                        7,
                                        "instructions",
                                        "Bring the chest X-ray"))))
                .get("planFollowUp");
        LocalDate due = LocalDate.parse(plan.get("dueOn").asText());
        assertThat(due).isEqualTo(LocalDate.now(clock).plusDays(7));
        assertThat(json(post(
                                credentials(Role.NURSE),
                                "mutation($input: PlanFollowUpInput!) { planFollowUp(input: $input) { dueOn } }",
                                Map.of("input", Map.of("encounterId", encounter, "inDays", 3))))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from associationvalueentry where associationvalue = ?",
                                Integer.class,
                                encounter)
                        > 0);
        advanceTo(due.minusDays(1).atTime(10, 0).atZone(DHAKA).toInstant().plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailSentTo(mita.email()).size() == 1);
        Mail mail = mailSentTo(mita.email()).get(0);
        assertThat(mail.subject()).startsWith("Your follow-up visit on");
        assertThat(mail.text()).contains("come back on");
        assertThat(mail.html()).contains("<b>");
        assertThat(mail.text() + mail.html()).doesNotContain("X-ray");
        assertThat(smsSentTo(mita.phone())).isEmpty();
    }

    @Test
    void aOneTimeCodeIsSentOnceWithoutReminderConsentAndStaffSeeItMasked() {
        Patient rina = patient("EN", false, false);
        PatientMessageRequest code = new PatientMessageRequest(
                "otp:" + UUID.randomUUID(),
                new PatientId(UUID.fromString(rina.id())),
                MessageKind.ONE_TIME_CODE,
                null,
                Map.of("code", "493817"),
                Set.of("code"));
        UUID id = messaging.send(code);
        assertThat(messaging.send(code)).as("the same key is the same message").isEqualTo(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(id.toString())));
        assertThat(smsSentTo(rina.phone())).singleElement().asString().contains("493817");

        JsonNode node = data(post(credentials(Role.RECEPTIONIST), MESSAGES, Map.of("p", rina.id())))
                .at("/patientMessages/edges/0/node");
        assertThat(node.get("decision").asText()).isEqualTo("REQUESTED");
        assertThat(node.get("text").asText()).contains("******").doesNotContain("493817");
        assertThat(jdbc.queryForObject(
                        "select content is null from communication_message where message_id = ?", Boolean.class, id))
                .as("the text with the code is not kept once sent")
                .isTrue();

        UUID mail = messaging.send(new PatientMessageRequest(
                "telemedicine-link:" + UUID.randomUUID(),
                new PatientId(UUID.fromString(rina.id())),
                MessageKind.TELEMEDICINE_LINK,
                MessageChannel.EMAIL,
                Map.of("link", "https://meet.example.org/room-1", "time", "today at 4 PM"),
                Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(mail.toString())));
        assertThat(mailSentTo(rina.email())).singleElement().satisfies(m -> assertThat(m.html())
                .contains("href=\"https://meet.example.org/room-1\""));

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                () -> messaging.send(new PatientMessageRequest(
                                        "otp:" + UUID.randomUUID(),
                                        PatientId.random(),
                                        MessageKind.ONE_TIME_CODE,
                                        null,
                                        Map.of("code", "1"),
                                        Set.of("code"))),
                                CarelogException.class)
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }
}
