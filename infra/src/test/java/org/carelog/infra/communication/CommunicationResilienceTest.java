package org.carelog.infra.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carelog.api.common.Role;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.patient.PatientId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exactly once from the patient's point of view: through a 30-minute gateway outage (5xx), slow answers that time
 * out after the gateway took the message, cancellations meanwhile, a replay of every event processor; and the
 * staff's side: delivery reports, a final failure, a deliberate resend.
 */
class CommunicationResilienceTest extends CommunicationApi {

    @Autowired
    PatientMessaging messaging;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void gatewayBackToNormal() {
        SMS_GATEWAY.up();
    }

    @Test
    void everyReminderIsSentExactlyOnceAfterAThirtyMinuteOutageAndNoneForAppointmentsCancelledMeanwhile() {
        Doctor doctor = doctor();
        Instant start = at(day(2), "15:30");
        List<Patient> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Patient p = patient(i % 2 == 0 ? "BN" : "EN", true, false);
            patients.add(p);
            appointments.add(book(p, doctor, start));
        }
        List<String> keys = appointments.stream()
                .map(a -> "appointment-reminder:" + a + ":PT24H")
                .toList();

        SMS_GATEWAY.down();
        advanceTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from communication_message where deduplication_key = any(?)"
                                        + " and status = 'QUEUED' and attempts >= 1",
                                Integer.class,
                                (Object) keys.toArray(String[]::new))
                        == keys.size());
        cancel(appointments.get(0));
        cancel(appointments.get(1));
        assertThat(statusesByKeyPrefix("appointment-reminder:" + appointments.get(0)))
                .containsExactly("WITHDRAWN");

        for (int minute = 1; minute <= 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            awaitAttemptsMade(keys);
        }
        int attempts = jdbc.queryForObject(
                "select max(attempts) from communication_message where deduplication_key = any(?)",
                Integer.class,
                (Object) keys.toArray(String[]::new));
        assertThat(attempts).as("retried with back-off during the outage").isBetween(4, 8);
        for (Patient p : patients) {
            assertThat(smsSentTo(p.phone()))
                    .as("nothing got through the outage")
                    .isEmpty();
        }

        // The gateway returns, but slowly: it takes each message and answers after our 2 s timeout.
        SMS_GATEWAY.up();
        SMS_GATEWAY.slow(Duration.ofSeconds(3));
        clock.advance(Duration.ofMinutes(31));
        awaitAttemptsMade(keys);
        SMS_GATEWAY.up();
        clock.advance(Duration.ofMinutes(31));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from communication_message where deduplication_key = any(?)"
                                        + " and status in ('SENT', 'DELIVERED')",
                                Integer.class,
                                (Object) keys.toArray(String[]::new))
                        == 6);
        List<String> ids = jdbc.queryForList(
                "select message_id::text from communication_message where deduplication_key = any(?)"
                        + " and status in ('SENT', 'DELIVERED')",
                String.class,
                (Object) keys.toArray(String[]::new));
        for (String id : ids) {
            assertThat(SMS_GATEWAY.received().stream().filter(s -> id.equals(s.reference())))
                    .as("message %s received by the gateway exactly once", id)
                    .hasSize(1);
        }
        for (int i = 2; i < patients.size(); i++) {
            assertThat(smsSentTo(patients.get(i).phone())).hasSize(1);
        }
        assertThat(smsSentTo(patients.get(0).phone())).isEmpty();
        assertThat(smsSentTo(patients.get(1).phone())).isEmpty();
    }

    /** Waits until no message of these keys is being sent or due by the test clock (every due attempt made). */
    private void awaitAttemptsMade(List<String> keys) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from communication_message where deduplication_key = any(?)"
                                        + " and (status = 'SENDING' or (status = 'QUEUED' and next_attempt_at <= ?))",
                                Integer.class,
                                keys.toArray(String[]::new),
                                Timestamp.from(clock.instant()))
                        == 0);
    }

    @Test
    void deliveryReportsNeedTheSharedSecretAndMarkTheMessageDelivered() {
        Patient rina = patient("EN", true, true);
        UUID id = messaging.send(request(rina, MessageKind.PRESCRIPTION_LINK, Map.of("link", "https://x.test/p/1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(id.toString())));

        String report = "{\"csms_id\":\"" + id + "\",\"status\":\"DELIVRD\"}";
        var refused = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/communication/sms/delivery-reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(report)),
                null,
                "X-Callback-Secret",
                "guess");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(status(id.toString())).isEqualTo("SENT");

        var accepted = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/communication/sms/delivery-reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(report)),
                null,
                "X-Callback-Secret",
                SMS_CALLBACK_SECRET);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(status(id.toString())).isEqualTo("DELIVERED");
    }

    @Test
    void aFinalFailureIsVisibleAndStaffResendItDeliberately() {
        Patient karim = patient("BN", true, true);
        SMS_GATEWAY.refusing();
        UUID failed =
                messaging.send(request(karim, MessageKind.PRESCRIPTION_LINK, Map.of("link", "https://x.test/p/2")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(failed.toString())));
        SMS_GATEWAY.up();
        var node = data(post(credentials(Role.RECEPTIONIST), MESSAGES, Map.of("p", karim.id())))
                .at("/patientMessages/edges/0/node");
        assertThat(node.get("status").asText()).isEqualTo("FAILED");
        assertThat(node.get("gatewayAnswer").asText()).startsWith("400");

        String resend = "mutation($input: ResendMessageInput!) { resendMessage(input: $input) { messageId } }";
        Map<String, Object> input =
                Map.of("input", Map.of("idempotencyKey", "resend-1", "messageId", failed.toString()));
        assertThat(json(post(credentials(Role.NURSE), resend, input))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        String again = data(post(credentials(Role.RECEPTIONIST), resend, input))
                .at("/resendMessage/messageId")
                .asText();
        assertThat(data(post(credentials(Role.RECEPTIONIST), resend, input))
                        .at("/resendMessage/messageId")
                        .asText())
                .as("the same request key resends once")
                .isEqualTo(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(again)));
        assertThat(status(failed.toString())).isEqualTo("FAILED");
        assertThat(smsSentTo(karim.phone())).hasSize(1);
        assertThat(json(post(
                                credentials(Role.RECEPTIONIST),
                                resend,
                                Map.of("input", Map.of("idempotencyKey", "resend-2", "messageId", again))))
                        .at("/errors/0/extensions/code")
                        .asText())
                .as("only a failed message is resent")
                .isEqualTo("CONFLICT");
    }

    @Test
    void replayingEveryEventProcessorSendsNothing() {
        Doctor doctor = doctor();
        Patient mita = patient("EN", true, true);
        Instant start = at(day(2), "16:30");
        book(mita, doctor, start);
        advanceTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> smsSentTo(mita.phone()).size() == 1);
        long messages = jdbc.queryForObject("select count(*) from communication_message", Long.class);
        int received = SMS_GATEWAY.received().size();
        int tasks = jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class);

        List<StreamingEventProcessor> replayed = new ArrayList<>();
        processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .map(p -> (StreamingEventProcessor) p)
                .filter(StreamingEventProcessor::supportsReset)
                .forEach(p -> {
                    p.shutDown();
                    p.resetTokens();
                    p.start();
                    replayed.add(p);
                });
        assertThat(replayed).extracting(StreamingEventProcessor::getName).contains("communication-erasure");
        patient("EN", true, true); // a new event ends the replay of every processor
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> replayed.stream().allMatch(p -> p.processingStatus().values().stream()
                        .allMatch(s -> s.isCaughtUp() && !s.isReplaying())));
        assertThat(jdbc.queryForObject("select count(*) from communication_message", Long.class))
                .isEqualTo(messages);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class))
                .isEqualTo(tasks);
        assertThat(SMS_GATEWAY.received()).hasSize(received);
    }

    private static PatientMessageRequest request(Patient patient, MessageKind kind, Map<String, String> values) {
        return new PatientMessageRequest(
                kind.name().toLowerCase() + ":" + UUID.randomUUID(),
                new PatientId(UUID.fromString(patient.id())),
                kind,
                null,
                values,
                Set.of());
    }
}
