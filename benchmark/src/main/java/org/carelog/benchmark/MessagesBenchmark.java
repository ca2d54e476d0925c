package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Secure messages benchmark (not a test): messages per second added to conversations (sendMessage, the care
 * team's side: a patient needs a one-time code by SMS to sign in, which a benchmark process cannot receive until
 * the communication feature has a test channel; both sides run the same Conversation aggregate and append).
 * Conversations are spread over {@code conversations} patients. Run with
 * {@code java -Dscenario=messages -jar benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md.
 */
final class MessagesBenchmark {

    private static final String SEND = "mutation($input: SendMessageInput!) { sendMessage(input: $input) { number } }";

    private MessagesBenchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int conversations = Integer.getInteger("conversations", 200);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        StringBuilder report = new StringBuilder("# Secure messages benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            String password = "Messages-bench-" + Long.toHexString(System.nanoTime()) + "-x";
            for (String[] user : new String[][] {{"bench-clerk", "RECEPTIONIST"}, {"bench-nurse", "NURSE"}}) {
                check(admin.post(
                        "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "username",
                                        user[0],
                                        "displayName",
                                        "Bench " + user[1],
                                        "role",
                                        user[1],
                                        "password",
                                        password))));
            }
            GraphQlClient clerk = GraphQlClient.signIn(carelog.baseUrl(), "bench-clerk", password);
            GraphQlClient nurse = GraphQlClient.signIn(carelog.baseUrl(), "bench-nurse", password);
            String department = check(admin.post(
                            "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                            Map.of("input", Map.of("code", "MSG", "nameEn", "Messages", "nameBn", "বার্তা"))))
                    .at("/data/createDepartment/departmentId")
                    .asText();
            Patients registrations = new Patients();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                String patient = check(clerk.post(
                                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                                Map.of("input", registrations.next())))
                        .at("/data/registerPatient/patientId")
                        .asText();
                ids.add(check(nurse.post(
                                "mutation($input: StartConversationInput!) { startConversation(input: $input) {"
                                        + " conversationId } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "patientId",
                                                patient,
                                                "departmentId",
                                                department,
                                                "subject",
                                                "Follow-up " + i,
                                                "text",
                                                "How are you feeling after the new tablets?"))))
                        .at("/data/startConversation/conversationId")
                        .asText());
            }
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n");
            report.append("## sendMessage throughput (closed loop, ")
                    .append(settings.durationSeconds())
                    .append(" s after ")
                    .append(settings.warmupSeconds())
                    .append(" s warm-up, ")
                    .append(conversations)
                    .append(" conversations)\n\n")
                    .append("| clients | messages/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
            for (int clients : settings.concurrencies()) {
                Recorder.Summary s = ClosedLoop.run(
                        clients,
                        settings.warmupSeconds(),
                        settings.durationSeconds(),
                        () -> () -> {
                            String conversation =
                                    ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                            JsonNode body = nurse.post(
                                    SEND,
                                    Map.of(
                                            "input",
                                            Map.of(
                                                    "conversationId",
                                                    conversation,
                                                    "text",
                                                    "Please take the tablets after food and drink water.")));
                            return body.has("httpError")
                                    ? body.get("httpError").asText()
                                    : GraphQlClient.graphQlError(body);
                        },
                        null);
                report.append(String.format(
                        "| %d | %.0f | %.1f | %.1f | %s |%n",
                        clients, s.perSecond(), s.p50Millis(), s.p99Millis(), s.errors() == 0 ? "0" : s.errorKinds()));
            }
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(work.resolve("messages-benchmark-results.md"), report);
    }

    private static JsonNode check(JsonNode body) {
        if (body.has("errors") || body.has("httpError")) {
            throw new IllegalStateException("setup failed: " + body);
        }
        return body;
    }
}
