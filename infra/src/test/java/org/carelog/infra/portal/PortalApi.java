package org.carelog.infra.portal;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;

/** The portal's and secure messages' operations over HTTP, for the tests of this package. */
abstract class PortalApi extends IntegrationTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final String BOOK = "mutation($input: BookMyAppointmentInput!) { bookMyAppointment(input: $input) {"
            + " appointmentId practitionerId start end } }";
    static final String CANCEL =
            "mutation($input: CancelMyAppointmentInput!) { cancelMyAppointment(input: $input) {" + " appointmentId } }";
    static final String START = "mutation($input: StartMyConversationInput!) { startMyConversation(input: $input) {"
            + " conversationId messageId number } }";
    static final String SEND =
            "mutation($input: SendMessageInput!) { sendMyMessage(input: $input) { conversationId messageId number } }";
    static final String MARK_READ = "mutation($input: ConversationActionInput!) { markMyConversationRead(input: $input)"
            + " { conversationId } }";
    static final String REPLY =
            "mutation($input: SendMessageInput!) { sendMessage(input: $input) { conversationId messageId number } }";
    static final String MESSAGES = "id number author authorRole text sentAt readByPatient readByCareTeam"
            + " attachments { id contentType size sha256 fileName url }";
    static final String CONVERSATION_FIELDS = "id patientId departmentId subject startedBy status"
            + " assignedPractitionerId messageCount patientReadUpTo careTeamReadUpTo messages { " + MESSAGES + " }";
    static final String MY_CONVERSATION = "query($id: ID!) { myConversation(id: $id) { " + CONVERSATION_FIELDS + " } }";
    static final String MY_CONVERSATIONS = "{ myConversations { " + CONVERSATION_FIELDS + " } }";
    static final String MY_APPOINTMENTS = "{ myAppointments { id practitionerId start status } }";
    static final String MY_EVERYTHING = "{ myAppointments(first: 100) { id } past: myAppointments(past: true) { id }"
            + " myTokens { id } myPrescriptions { prescriptionId } myLabResults { orderId name result { value flag } }"
            + " myConversations { id subject messages { text attachments { id } } } myInvoices { invoiceId } }";

    /** A department with a doctor who sees patients all day on a working day ahead, and the doctor's account. */
    record Clinic(String departmentId, String practitionerId, String chamber, String doctor, LocalDate day) {}

    Clinic clinic() {
        String department = createDepartment("Portal Test", "পোর্টাল বিভাগ");
        String chamber = createServicePoint(department, "CHAMBER").id();
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(2));
        LocalDate day = LocalDate.now(DHAKA).plusDays(3);
        if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
            day = day.plusDays(1);
        }
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: ChangeDayAvailabilityInput!) { changeDayAvailability(input: $input) {"
                        + " practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                practitioner,
                                "date",
                                day.toString(),
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId",
                                        chamber,
                                        "start",
                                        "09:00",
                                        "end",
                                        "17:00",
                                        "slotMinutes",
                                        15,
                                        "capacity",
                                        1))))));
        return new Clinic(department, practitioner, chamber, staffActingAs(Role.DOCTOR, practitioner), day);
    }

    String at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time))
                .atZone(DHAKA)
                .toOffsetDateTime()
                .toString();
    }

    String book(String patient, Clinic clinic, String time) {
        return data(post(
                        patient,
                        BOOK,
                        Map.of(
                                "input",
                                Map.of("practitionerId", clinic.practitionerId(), "start", at(clinic.day(), time)))))
                .at("/bookMyAppointment/appointmentId")
                .asText();
    }

    String startConversation(String patient, Clinic clinic, String subject, String text) {
        return data(post(
                        patient,
                        START,
                        Map.of(
                                "input",
                                Map.of("departmentId", clinic.departmentId(), "subject", subject, "text", text))))
                .at("/startMyConversation/conversationId")
                .asText();
    }

    /** A multipart upload of one file (part {@code file}) to a conversation. */
    HttpResponse<String> upload(String authorization, String conversationId, String fileName, byte[] bytes) {
        String boundary = "carelog-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/conversations/" + conversationId + "/attachments"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                authorization);
    }

    HttpResponse<byte[]> download(String authorization, String attachmentId) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/attachments/" + attachmentId))
                    .timeout(Duration.ofSeconds(60))
                    .GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small PNG: the 8-byte signature, then made-up bytes. */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    JsonNode awaitData(String authorization, String query, Map<String, Object> variables, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = data(post(authorization, query, variables));
                    return ready.test(last[0]);
                });
        return last[0];
    }

    long accessLogRows(String patientId) {
        return jdbc.queryForObject(
                "select count(*) from clinical_access_log where patient_id = ?::uuid", Long.class, patientId);
    }

    long accessLogRowsBy(String username) {
        return jdbc.queryForObject("select count(*) from clinical_access_log where username = ?", Long.class, username);
    }
}
