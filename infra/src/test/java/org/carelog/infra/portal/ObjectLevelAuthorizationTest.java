package org.carelog.infra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/**
 * Object-level authorization of the patient portal, over HTTP against PostgreSQL. Patient B tries, with every
 * operation a patient may call, to reach patient A's appointments, conversations, messages and files by giving
 * their ids: every attempt fails exactly as a random id does (same error code and words), records nothing (no
 * event, no access-log row, no message to anyone) and reveals nothing. And a patient can call no staff operation
 * of the schema.
 */
class ObjectLevelAuthorizationTest extends PortalApi {

    /** Every GraphQL operation a patient may call; all others must refuse them. */
    static final Set<String> PATIENT_OPERATIONS = Set.of(
            "me",
            "myAppointments",
            "myTokens",
            "myPrescriptions",
            "myLabResults",
            "myInvoices",
            "myConversations",
            "myConversation",
            "availableSlotsForMe",
            "setMyPassword",
            "bookMyAppointment",
            "cancelMyAppointment",
            "startMyConversation",
            "sendMyMessage",
            "markMyConversationRead",
            // Reference data (Bangladesh's divisions, districts, upazilas) for every signed-in user: no patient's.
            "geography");

    /** Open to any signed-in user, and refused to a patient by the operation itself (staff TOTP enrolment). */
    static final Set<String> REFUSED_INSIDE = Set.of("beginTotpEnrollment", "confirmTotpEnrollment");

    @Test
    void anotherPatientsIdsFailExactlyAsMissingOnesAndRecordNothing() {
        Clinic clinic = clinic();
        String aliceId = registeredPatient();
        String bobId = registeredPatient();
        String alice = signedInPatient(aliceId);
        String bob = signedInPatient(bobId);

        String aliceAppointment = book(alice, clinic, "09:00");
        String aliceConversation = startConversation(alice, clinic, "Alice's private worry", "Alice's secret text");
        String aliceFile = json(upload(alice, aliceConversation, "alice-scan.png", png(300)))
                .get("attachmentId")
                .asText();
        String bobConversation = startConversation(bob, clinic, "Bob's question", "Bob's text");
        String random = UUID.randomUUID().toString();

        long events = eventCount();
        long aliceLog = accessLogRows(aliceId);
        long bobLog = accessLogRowsBy("patient:" + bobId);
        long messages = messageCount();

        // GraphQL operations taking an id: Alice's answers as a random one, word for word (the id aside).
        List<Function<String, HttpResponse<String>>> attempts = List.of(
                id -> post(bob, MY_CONVERSATION, Map.of("id", id)),
                id -> post(bob, SEND, Map.of("input", Map.of("conversationId", id, "text", "hi"))),
                id -> post(bob, MARK_READ, Map.of("input", Map.of("conversationId", id))),
                id -> post(bob, CANCEL, Map.of("input", Map.of("appointmentId", id, "reason", "not mine"))),
                id -> post(
                        bob,
                        SEND,
                        Map.of(
                                "input",
                                Map.of("conversationId", bobConversation, "text", "x", "attachmentIds", List.of(id)))));
        List<String> targets =
                List.of(aliceConversation, aliceConversation, aliceConversation, aliceAppointment, aliceFile);
        for (int i = 0; i < attempts.size(); i++) {
            String target = targets.get(i);
            HttpResponse<String> foreign = attempts.get(i).apply(target);
            HttpResponse<String> missing = attempts.get(i).apply(random);
            assertThat(foreign.statusCode()).isEqualTo(missing.statusCode());
            assertThat(foreign.body().replace(target, "<id>"))
                    .as("attempt %d", i)
                    .isEqualTo(missing.body().replace(random, "<id>"));
            assertThat(foreign.body()).doesNotContain(aliceId).doesNotContain("Alice");
        }

        // Files over HTTP: download and upload into Alice's conversation.
        HttpResponse<byte[]> foreignFile = download(bob, aliceFile);
        HttpResponse<byte[]> missingFile = download(bob, random);
        assertThat(foreignFile.statusCode()).isEqualTo(404).isEqualTo(missingFile.statusCode());
        assertThat(new String(foreignFile.body()).replace(aliceFile, "<id>"))
                .isEqualTo(new String(missingFile.body()).replace(random, "<id>"));
        HttpResponse<String> foreignUpload = upload(bob, aliceConversation, "x.png", png(100));
        HttpResponse<String> missingUpload = upload(bob, random, "x.png", png(100));
        assertThat(foreignUpload.statusCode()).isEqualTo(404).isEqualTo(missingUpload.statusCode());
        assertThat(foreignUpload.body().replace(aliceConversation, "<id>"))
                .isEqualTo(missingUpload.body().replace(random, "<id>"));

        // A patient id cannot even be given: no portal input has one.
        JsonNode named = json(post(
                bob,
                BOOK,
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                clinic.practitionerId(),
                                "start",
                                at(clinic.day(), "10:00"),
                                "patientId",
                                aliceId))));
        assertThat(named.at("/errors/0/message").asText()).contains("patientId");

        assertThat(eventCount()).as("no events").isEqualTo(events);
        assertThat(accessLogRows(aliceId)).as("nothing logged about Alice").isEqualTo(aliceLog);
        assertThat(accessLogRowsBy("patient:" + bobId))
                .as("nothing logged for Bob")
                .isEqualTo(bobLog);
        assertThat(messageCount()).as("no messages").isEqualTo(messages);
        assertThat(jdbc.queryForObject(
                        "select count(*) from message_attachment where uploaded_by = ?",
                        Long.class,
                        "patient:" + bobId))
                .isZero();

        // Bob's own lists show nothing of Alice's (and reading them is logged as Bob, about Bob only).
        JsonNode mine = awaitData(
                bob, MY_EVERYTHING, Map.of(), d -> d.at("/myConversations").size() == 1);
        assertThat(mine.toString())
                .doesNotContain(aliceAppointment)
                .doesNotContain(aliceConversation)
                .doesNotContain(aliceFile)
                .doesNotContain("Alice");
        assertThat(accessLogRows(aliceId)).isEqualTo(aliceLog);
        // Alice sees her own
        JsonNode hers = awaitData(
                alice, MY_EVERYTHING, Map.of(), d -> d.at("/myConversations").size() == 1);
        assertThat(hers.at("/myAppointments/0/id").asText()).isEqualTo(aliceAppointment);
        assertThat(hers.at("/myConversations/0/subject").asText()).isEqualTo("Alice's private worry");
    }

    @Test
    void aPatientCanCallNoStaffOperation() {
        String patient = signedInPatient(registeredPatient());
        JsonNode schema =
                data(post(credentials(Role.ADMIN), INTROSPECTION, Map.of())).get("__schema");
        Map<String, JsonNode> types = new HashMap<>();
        schema.get("types").forEach(t -> types.put(t.get("name").asText(), t));
        long events = eventCount();
        int checked = 0;
        List<String> notRefused = new ArrayList<>();
        for (String operation : List.of("query", "mutation")) {
            JsonNode root = types.get(schema.at("/" + operation + "Type/name").asText());
            for (JsonNode field : root.get("fields")) {
                String name = field.get("name").asText();
                if (PATIENT_OPERATIONS.contains(name)) {
                    continue;
                }
                Map<String, Object> variables = new LinkedHashMap<>();
                StringBuilder declarations = new StringBuilder();
                StringBuilder arguments = new StringBuilder();
                for (JsonNode arg : field.get("args")) {
                    if (!"NON_NULL".equals(arg.at("/type/kind").asText())) {
                        continue;
                    }
                    String argName = arg.get("name").asText();
                    declarations
                            .append(declarations.isEmpty() ? "" : ", ")
                            .append('$')
                            .append(argName)
                            .append(": ")
                            .append(typeRef(arg.get("type")));
                    arguments
                            .append(arguments.isEmpty() ? "" : ", ")
                            .append(argName)
                            .append(": $")
                            .append(argName);
                    variables.put(argName, sample(arg.get("type"), types));
                }
                String selection = composite(field.get("type")) ? " { __typename }" : "";
                String document = operation + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " { " + name
                        + (arguments.isEmpty() ? "" : "(" + arguments + ")") + selection + " }";
                JsonNode response = json(post(patient, document, variables));
                checked++;
                String code = response.at("/errors/0/extensions/code").asText();
                boolean refused = "FORBIDDEN".equals(code) || REFUSED_INSIDE.contains(name) && !code.isEmpty();
                JsonNode answer = response.at("/data/" + name);
                if (!refused || !answer.isMissingNode() && !answer.isNull()) {
                    notRefused.add(name + " -> " + response);
                }
            }
        }
        assertThat(notRefused).as("operations a patient could call").isEmpty();
        assertThat(checked).isGreaterThan(50);
        assertThat(eventCount()).isEqualTo(events);
    }

    static final String TYPE_REF =
            "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name" + " } } } }";
    static final String INTROSPECTION = "{ __schema { queryType { name } mutationType { name } types { name kind"
            + " enumValues { name } fields { name args { name type { " + TYPE_REF + " } } type { " + TYPE_REF + " } }"
            + " inputFields { name type { " + TYPE_REF + " } } } } }";

    static String typeRef(JsonNode type) {
        return switch (type.get("kind").asText()) {
            case "NON_NULL" -> typeRef(type.get("ofType")) + "!";
            case "LIST" -> "[" + typeRef(type.get("ofType")) + "]";
            default -> type.get("name").asText();
        };
    }

    static boolean composite(JsonNode type) {
        JsonNode t = type;
        while (t.hasNonNull("ofType")) {
            t = t.get("ofType");
        }
        String kind = t.get("kind").asText();
        return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
    }

    /** A well-formed value of the type, so that only authorization can refuse the call. */
    static Object sample(JsonNode type, Map<String, JsonNode> types) {
        switch (type.get("kind").asText()) {
            case "NON_NULL":
                return sample(type.get("ofType"), types);
            case "LIST":
                return List.of();
            case "ENUM":
                return types.get(type.get("name").asText())
                        .at("/enumValues/0/name")
                        .asText();
            case "INPUT_OBJECT":
                Map<String, Object> input = new LinkedHashMap<>();
                for (JsonNode field : types.get(type.get("name").asText()).get("inputFields")) {
                    if ("NON_NULL".equals(field.at("/type/kind").asText())) {
                        input.put(field.get("name").asText(), sample(field.get("type"), types));
                    }
                }
                return input;
            default:
                return switch (type.get("name").asText()) {
                    case "ID" -> UUID.randomUUID().toString();
                    case "Int", "Long" -> 1;
                    case "Float" -> 1.0;
                    case "Boolean" -> false;
                    case "Date" -> "2030-01-02";
                    case "DateTime" -> "2030-01-02T10:00:00Z";
                    default -> "sample";
                };
        }
    }
}
