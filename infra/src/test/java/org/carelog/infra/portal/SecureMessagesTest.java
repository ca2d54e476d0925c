package org.carelog.infra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.api.communication.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * Secure messages over HTTP against PostgreSQL: a patient writes to a care team with files (uploaded, sent,
 * downloaded byte for byte, by the patient and the doctor, each read access-logged), the doctor replies and the
 * patient is told without content, read receipts, assignment and closing; files of a wrong type or too large are
 * refused; the patient books and cancels their own appointment.
 */
class SecureMessagesTest extends PortalApi {

    static final String CONVERSATION = "query($id: ID!) { conversation(id: $id) { " + CONVERSATION_FIELDS + " } }";
    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { conversations { id subject"
            + " messages { number text attachments { fileName } } } } }";

    @Test
    void aConversationWithFilesRoundTrips() throws Exception {
        Clinic clinic = clinic();
        String patientId = registeredPatient();
        String patient = signedInPatient(patientId);
        String conversation = startConversation(patient, clinic, "Rash after new tablets", "It itches since Tuesday");

        byte[] photo = png(50_000);
        HttpResponse<String> uploaded = upload(patient, conversation, "C:\\photos\\rash on arm.png", photo);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode file = json(uploaded);
        assertThat(file.get("contentType").asText()).isEqualTo("image/png");
        assertThat(file.get("size").asLong()).isEqualTo(photo.length);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(file.get("sha256").asText()).isEqualTo(sha);
        HttpResponse<String> report = upload(patient, conversation, "report.pdf", pdf());
        assertThat(report.statusCode()).isEqualTo(201);
        assertThat(json(report).get("contentType").asText()).isEqualTo("application/pdf");
        // stored encrypted: the bytes are not in the table as they are
        byte[] stored = jdbc.queryForObject(
                "select content from message_attachment where attachment_id = ?::uuid",
                byte[].class,
                file.get("attachmentId").asText());
        assertThat(stored).isNotEqualTo(photo);

        JsonNode sent = data(post(
                patient,
                SEND,
                Map.of(
                        "input",
                        Map.of(
                                "conversationId",
                                conversation,
                                "text",
                                "Photo and last report",
                                "attachmentIds",
                                List.of(
                                        file.get("attachmentId").asText(),
                                        json(report).get("attachmentId").asText())))));
        assertThat(sent.at("/sendMyMessage/number").asInt()).isEqualTo(2);

        // the patient downloads it byte for byte; the read is logged as the patient
        long logged = accessLogRows(patientId);
        HttpResponse<byte[]> mine = download(patient, file.get("attachmentId").asText());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(photo);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(mine.headers().firstValue("X-Content-SHA256")).hasValue(sha);
        assertThat(mine.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''rash%20on%20arm.png");
        assertThat(accessLogRows(patientId)).isEqualTo(logged + 1);

        // the doctor reads it too (logged), and the conversation with its files
        HttpResponse<byte[]> doctorCopy =
                download(clinic.doctor(), json(report).get("attachmentId").asText());
        assertThat(doctorCopy.body()).isEqualTo(pdf());
        JsonNode seen = awaitData(
                clinic.doctor(),
                CONVERSATION,
                Map.of("id", conversation),
                d -> d.at("/conversation/messageCount").asInt() == 2);
        JsonNode message = seen.at("/conversation/messages/1");
        assertThat(message.get("text").asText()).isEqualTo("Photo and last report");
        assertThat(message.get("author").asText()).isEqualTo("PATIENT");
        assertThat(message.at("/attachments/0/fileName").asText()).isEqualTo("rash on arm.png");
        assertThat(message.at("/attachments/0/sha256").asText()).isEqualTo(sha);
        assertThat(message.at("/attachments/1/contentType").asText()).isEqualTo("application/pdf");
        assertThat(message.get("readByCareTeam").asBoolean()).isFalse();

        // the doctor replies: the patient is told, without the content
        JsonNode reply = data(post(
                clinic.doctor(),
                REPLY,
                Map.of("input", Map.of("conversationId", conversation, "text", "Stop the tablets; come on Sunday"))));
        String replyId = reply.at("/sendMessage/messageId").asText();
        SentMessage notice = awaitMessage("secure-message:" + replyId);
        assertThat(notice.kind()).isEqualTo(MessageKind.SECURE_MESSAGE_NOTICE.name());
        assertThat(notice.patientId()).isEqualTo(patientId);
        assertThat(notice.text()).as("the SMS the patient got").isNotBlank().doesNotContain("tablets");
        assertThat(sentMessages().stream()
                        .filter(m -> m.kind().equals(MessageKind.SECURE_MESSAGE_NOTICE.name())
                                && m.patientId().equals(patientId)))
                .as("no notice of the patient's own messages")
                .hasSize(1);

        // read receipts, assignment, closing
        data(post(patient, MARK_READ, Map.of("input", Map.of("conversationId", conversation))));
        data(post(
                clinic.doctor(),
                "mutation($input: ConversationActionInput!) { assignConversation(input: $input) { conversationId } }",
                Map.of("input", Map.of("conversationId", conversation, "practitionerId", clinic.practitionerId()))));
        data(post(
                clinic.doctor(),
                "mutation($input: ConversationActionInput!) { closeConversation(input: $input) { conversationId } }",
                Map.of("input", Map.of("conversationId", conversation))));
        JsonNode closed = awaitData(
                patient,
                MY_CONVERSATION,
                Map.of("id", conversation),
                d -> "CLOSED".equals(d.at("/myConversation/status").asText())
                        && d.at("/myConversation/patientReadUpTo").asInt() == 3);
        assertThat(closed.at("/myConversation/assignedPractitionerId").asText()).isEqualTo(clinic.practitionerId());
        assertThat(closed.at("/myConversation/messages/2/readByPatient").asBoolean())
                .isTrue();
        assertThat(closed.at("/myConversation/messages/2/author").asText()).isEqualTo("CARE_TEAM");
        assertThat(closed.at("/myConversation/messages/2/authorRole").asText()).isEqualTo("DOCTOR");
        JsonNode refused = json(
                post(patient, SEND, Map.of("input", Map.of("conversationId", conversation, "text", "one more thing"))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT");

        // the department's list of closed conversations has it
        JsonNode closedList = data(post(
                clinic.doctor(),
                "query($d: ID!) { departmentConversations(departmentId: $d, status: CLOSED) { id messageCount } }",
                Map.of("d", clinic.departmentId())));
        assertThat(closedList.at("/departmentConversations/0/id").asText()).isEqualTo(conversation);
        assertThat(closedList.at("/departmentConversations/0/messageCount").asInt())
                .isEqualTo(3);

        // the chart shows the conversation, logged
        JsonNode chart = data(post(clinic.doctor(), CHART, Map.of("p", patientId)));
        assertThat(chart.at("/patientChart/conversations/0/messages/1/attachments/0/fileName")
                        .asText())
                .isEqualTo("rash on arm.png");
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?::uuid and view = ?",
                        Long.class,
                        patientId,
                        "chart.conversations"))
                .isEqualTo(1);
    }

    @Test
    void filesOfAnotherTypeOrTooLargeAreRefused() {
        Clinic clinic = clinic();
        String patient = signedInPatient(registeredPatient());
        String conversation = startConversation(patient, clinic, "Files", "Some files");
        long stored = jdbc.queryForObject("select count(*) from message_attachment", Long.class);

        HttpResponse<String> script =
                upload(patient, conversation, "photo.png", "<script>alert(1)</script>".getBytes());
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(json(script).get("error").asText()).isEqualTo("VALIDATION");
        HttpResponse<String> gif = upload(patient, conversation, "a.gif", "GIF89a-and-more".getBytes());
        assertThat(gif.statusCode()).isEqualTo(400);
        HttpResponse<String> empty = upload(patient, conversation, "empty.pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> huge = upload(patient, conversation, "huge.png", png(5 * 1024 * 1024 + 1));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).get("message").asText()).contains("larger than");

        assertThat(jdbc.queryForObject("select count(*) from message_attachment", Long.class))
                .isEqualTo(stored);
        // staff outside the clinical roles may not upload
        assertThat(upload(credentials(Role.RECEPTIONIST), conversation, "x.png", png(100))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPatientBooksAndCancelsTheirOwnAppointment() {
        Clinic clinic = clinic();
        String patientId = registeredPatient();
        String patient = signedInPatient(patientId);
        JsonNode slots = data(post(
                patient,
                "query($p: ID!, $d: Date!) { availableSlotsForMe(practitionerId: $p, from: $d, to: $d) { start } }",
                Map.of("p", clinic.practitionerId(), "d", clinic.day().toString())));
        assertThat(slots.at("/availableSlotsForMe").size()).isGreaterThan(10);
        String appointment = book(patient, clinic, "11:00");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where payloadtype = ? and metadata is not null"
                                + " and aggregateidentifier like ?",
                        Long.class,
                        "org.carelog.api.scheduling.SlotBooked",
                        "%" + clinic.practitionerId() + "%"))
                .isEqualTo(1);
        awaitData(
                patient, MY_APPOINTMENTS, Map.of(), d -> d.at("/myAppointments").size() == 1);
        data(post(patient, CANCEL, Map.of("input", Map.of("appointmentId", appointment, "reason", "Feeling better"))));
        JsonNode cancelled = awaitData(
                patient,
                "{ myAppointments { id status } }",
                Map.of(),
                d -> "CANCELLED".equals(d.at("/myAppointments/0/status").asText())
                        || d.at("/myAppointments").isEmpty());
        assertThat(cancelled.toString()).doesNotContain("BOOKED");
    }
}
