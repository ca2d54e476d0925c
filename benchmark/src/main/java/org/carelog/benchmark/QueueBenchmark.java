package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Token queue benchmark (not a test): tokens issued per second into one queue and spread over many, and
 * the time from callNextToken returning until each of {@code boards} board subscriptions (graphql-transport-ws
 * over WebSocket) has received the board showing that call. Run with
 * {@code java -Dscenario=queue -jar benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md.
 */
final class QueueBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE =
            "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId label } }";
    private static final String CALL =
            "mutation($input: CallNextTokenInput!) { callNextToken(input: $input) { label } }";
    private static final String BOARD =
            "subscription($sp: ID!) { queueBoard(servicePointId: $sp) { nowServing { label } } }";

    private QueueBenchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int queues = Integer.getInteger("queues", 16);
        int boards = Integer.getInteger("boards", 50);
        int calls = Integer.getInteger("calls", 200);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        StringBuilder report = new StringBuilder("# Token queue benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            String nursePassword = "Queue-bench-" + Long.toHexString(System.nanoTime()) + "-x";
            check(admin.post(
                    "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                    Map.of(
                            "input",
                            Map.of(
                                    "username",
                                    "bench-nurse",
                                    "displayName",
                                    "Bench Nurse",
                                    "role",
                                    "NURSE",
                                    "password",
                                    nursePassword))));
            GraphQlClient nurse = GraphQlClient.signIn(carelog.baseUrl(), "bench-nurse", nursePassword);
            List<String> servicePoints = servicePoints(admin, queues);
            List<String> patients = new ArrayList<>();
            Patients registrations = new Patients();
            for (int i = 0; i < 40; i++) {
                patients.add(check(nurse.post(
                                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                                Map.of("input", registrations.next())))
                        .at("/data/registerPatient/patientId")
                        .asText());
            }
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n");
            report.append("## issueToken throughput (closed loop, ")
                    .append(settings.durationSeconds())
                    .append(" s after ")
                    .append(settings.warmupSeconds())
                    .append(" s warm-up)\n\n")
                    .append("| queues | clients | tokens/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n");
            for (int clients : settings.concurrencies()) {
                row(report, "1", clients, issue(settings, nurse, servicePoints.subList(0, 1), patients, clients));
            }
            for (int clients : settings.concurrencies()) {
                row(report, String.valueOf(queues), clients, issue(settings, nurse, servicePoints, patients, clients));
            }
            report.append("\n").append(boardLatency(carelog, nurse, servicePoints.get(0), patients, boards, calls));
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(work.resolve("queue-benchmark-results.md"), report);
    }

    private static List<String> servicePoints(GraphQlClient admin, int count) throws Exception {
        String department = check(admin.post(
                        "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                        Map.of("input", Map.of("code", "BENCH", "nameEn", "Bench", "nameBn", "বেঞ্চ"))))
                .at("/data/createDepartment/departmentId")
                .asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(check(admin.post(
                            "mutation($input: AddServicePointInput!) { addServicePoint(input: $input) { servicePointId } }",
                            Map.of(
                                    "input",
                                    Map.of(
                                            "departmentId",
                                            department,
                                            "code",
                                            "BQ" + i,
                                            "nameEn",
                                            "Bench " + i,
                                            "nameBn",
                                            "বেঞ্চ",
                                            "kind",
                                            "COUNTER"))))
                    .at("/data/addServicePoint/servicePointId")
                    .asText());
        }
        return ids;
    }

    private static Recorder.Summary issue(
            Settings settings, GraphQlClient nurse, List<String> servicePoints, List<String> patients, int clients)
            throws InterruptedException {
        return ClosedLoop.run(
                clients,
                settings.warmupSeconds(),
                settings.durationSeconds(),
                () -> () -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    JsonNode body = nurse.post(
                            ISSUE,
                            Map.of(
                                    "input",
                                    Map.of(
                                            "servicePointId", servicePoints.get(random.nextInt(servicePoints.size())),
                                            "patientId", patients.get(random.nextInt(patients.size())))));
                    return body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
                },
                null);
    }

    private static void row(StringBuilder report, String queues, int clients, Recorder.Summary s) {
        report.append(String.format(
                "| %s | %d | %.0f | %.1f | %.1f | %s |%n",
                queues, clients, s.perSecond(), s.p50Millis(), s.p99Millis(), s.errors() == 0 ? "0" : s.errorKinds()));
    }

    /** Boards subscribe; each callNextToken's return is the start; each board's first push showing it, the end. */
    private static String boardLatency(
            CarelogProcess carelog,
            GraphQlClient nurse,
            String servicePoint,
            List<String> patients,
            int boards,
            int calls)
            throws Exception {
        for (int i = 0; i < calls; i++) {
            check(nurse.post(
                    ISSUE,
                    Map.of(
                            "input",
                            Map.of("servicePointId", servicePoint, "patientId", patients.get(i % patients.size())))));
        }
        Map<String, long[]> seen = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(boards);
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int b = 0; b < boards; b++) {
            int board = b;
            sockets.add(http.newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(
                            URI.create("ws://localhost:" + carelog.baseUrl().replaceAll(".*:", "") + "/graphql"),
                            new BoardListener(nurse.authorization(), servicePoint, board, boards, seen, subscribed))
                    .join());
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            return "Boards did not all receive their first board within 60 s\n";
        }
        long[] latencies = new long[calls * boards];
        int missing = 0;
        int n = 0;
        for (int i = 0; i < calls; i++) {
            String label = check(nurse.post(CALL, Map.of("input", Map.of("servicePointId", servicePoint))))
                    .at("/data/callNextToken/label")
                    .asText();
            long returned = System.nanoTime();
            long[] arrivals = seen.computeIfAbsent(label, k -> new long[boards]);
            long deadline = returned + TimeUnit.SECONDS.toNanos(10);
            for (int b = 0; b < boards; b++) {
                while (arrivals[b] == 0 && System.nanoTime() < deadline) {
                    TimeUnit.MICROSECONDS.sleep(200);
                }
                if (arrivals[b] == 0) {
                    missing++;
                } else {
                    latencies[n++] = Math.max(0, arrivals[b] - returned);
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        sockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return String.format(
                "## Board update latency%n%n%d boards on one service point, %d calls: from callNextToken returning to"
                        + " each board receiving the board that shows the call.%n%n| samples | p50 ms | p99 ms | max ms |"
                        + " missing (10 s) |%n|---|---|---|---|---|%n| %d | %.1f | %.1f | %.1f | %d |%n",
                boards, calls, n, pct(sorted, 50), pct(sorted, 99), n == 0 ? Double.NaN : sorted[n - 1] / 1e6, missing);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static JsonNode check(JsonNode body) {
        String error = body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return body;
    }

    /** One board display: records when it first sees each token as now serving. */
    private static final class BoardListener implements WebSocket.Listener {
        private final String authorization;
        private final String servicePoint;
        private final int board;
        private final int boards;
        private final Map<String, long[]> seen;
        private final CountDownLatch subscribed;
        private final StringBuilder partial = new StringBuilder();
        private boolean first = true;

        BoardListener(
                String authorization,
                String servicePoint,
                int board,
                int boards,
                Map<String, long[]> seen,
                CountDownLatch subscribed) {
            this.authorization = authorization;
            this.servicePoint = servicePoint;
            this.board = board;
            this.boards = boards;
            this.seen = seen;
            this.subscribed = subscribed;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + authorization + "\"}}", true);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    String type = message.path("type").asText();
                    if (type.equals("connection_ack")) {
                        socket.sendText(
                                JSON.writeValueAsString(Map.of(
                                        "id",
                                        "b",
                                        "type",
                                        "subscribe",
                                        "payload",
                                        Map.of("query", BOARD, "variables", Map.of("sp", servicePoint)))),
                                true);
                    } else if (type.equals("ping")) {
                        socket.sendText("{\"type\":\"pong\"}", true);
                    } else if (type.equals("next")) {
                        if (first) {
                            first = false;
                            subscribed.countDown();
                        }
                        JsonNode serving = message.at("/payload/data/queueBoard/nowServing");
                        if (serving.size() > 0) {
                            long[] arrivals = seen.computeIfAbsent(
                                    serving.get(0).get("label").asText(), k -> new long[boards]);
                            if (arrivals[board] == 0) {
                                arrivals[board] = now;
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println("board " + board + ": " + e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
