package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting-room page in a real headless Chromium (Debian's chromium package), driven over the
 * DevTools protocol: it signs in with a display credential, shows the next tokens, and changes when a
 * token is called, with Bangla digits. Skipped only when no Chromium is installed.
 */
class BoardPageBrowserTest extends QueueIntegrationTest {

    static final String STATE = "JSON.stringify({"
            + "now: [...document.querySelectorAll('#now-serving [data-label]')].map(e => e.dataset.label),"
            + "next: [...document.querySelectorAll('#next [data-label]')].map(e => e.dataset.label),"
            + "text: document.getElementById('now-serving').innerText,"
            + "name: document.getElementById('name-bn').textContent,"
            + "connection: document.getElementById('connection').className,"
            + "closed: document.getElementById('connection').dataset.closeCode,"
            + "opened: document.getElementById('connection').dataset.open,"
            + "attempts: document.getElementById('connection').dataset.attempts, ready: document.readyState,"
            + "resources: performance.getEntriesByType('resource').map(e => e.name + ' ' + e.responseStatus),"
            + "message: document.getElementById('message').textContent})";

    @TempDir
    Path profile;

    @Test
    void theBoardPageShowsTheNextTokensAndChangesWhenOneIsCalled() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary (apt-get install chromium); browser test skipped");

        ServicePoint chamber = servicePoint("CHAMBER");
        String secret = data(post(
                        credentials(Role.ADMIN),
                        QueueBoardSubscriptionTest.CREATE_DISPLAY,
                        Map.of("input", Map.of("servicePointId", chamber.id(), "name", "Browser test"))))
                .at("/createBoardDisplay/secret")
                .asText();
        String first = issue(Map.of("servicePointId", chamber.id(), "patientId", registeredPatient()))
                .get("label")
                .asText();
        issue(Map.of("servicePointId", chamber.id(), "patientId", registeredPatient()));

        HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/board/board.js")), null);
        assertThat(script.statusCode())
                .as("the page's script is served without signing in")
                .isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");

        int debugPort = freePort();
        Process browser = new ProcessBuilder(
                        chromium.get().toString(),
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--remote-debugging-port=" + debugPort,
                        "--remote-allow-origins=*",
                        "--user-data-dir=" + profile,
                        baseUrl() + "/board/index.html?servicePoint=" + chamber.id() + "#key=" + secret)
                .redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling(profile.getFileName() + "-chromium.log")
                        .toFile())
                .start();
        try (DevTools page = DevTools.connect(debugPort)) {
            JsonNode shown = awaitState(page, s -> s.path("next").size() == 2);
            assertThat(shown.get("next").get(0).asText()).isEqualTo(first);
            assertThat(shown.get("connection").asText()).isEqualTo("live");
            assertThat(shown.get("name").asText()).isEqualTo("কক্ষ");

            callNext(chamber.id(), "Room 5");

            JsonNode called = awaitState(page, s -> s.path("now").size() == 1);
            assertThat(called.get("now").get(0).asText()).isEqualTo(first);
            assertThat(called.get("text").asText())
                    .as("the number and room in Bangla digits, and in English")
                    .contains("-০০১")
                    .contains(first)
                    .contains("Room ৫");
            assertThat(called.get("next").size()).isEqualTo(1);
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            browser.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonNode awaitState(DevTools page, java.util.function.Predicate<JsonNode> expected) {
        JsonNode[] state = new JsonNode[1];
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        state[0] = JSON.readTree(page.evaluate(STATE));
                        return expected.test(state[0]);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the board page did not get there; it showed " + state[0], e);
        }
        return state[0];
    }

    static Optional<Path> chromium() {
        return Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A minimal Chrome DevTools Protocol client: evaluates JavaScript in the first page. */
    static final class DevTools implements WebSocket.Listener, AutoCloseable {

        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static DevTools connect(int port) {
            HttpClient http = HttpClient.newHttpClient();
            String[] url = new String[1];
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        JsonNode targets = JSON.readTree(http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
                        for (JsonNode target : targets) {
                            if ("page".equals(target.path("type").asText())) {
                                url[0] = target.get("webSocketDebuggerUrl").asText();
                                return true;
                            }
                        }
                        return false;
                    });
            DevTools devTools = new DevTools();
            devTools.socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(url[0]), devTools)
                    .join();
            return devTools;
        }

        String evaluate(String expression) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(
                            JSON.writeValueAsString(Map.of(
                                    "id",
                                    id,
                                    "method",
                                    "Runtime.evaluate",
                                    "params",
                                    Map.of("expression", expression, "returnByValue", true))),
                            true)
                    .join();
            return answer.get(10, TimeUnit.SECONDS).at("/result/result/value").asText();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting =
                            pending.remove(message.path("id").asInt(-1));
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    // not a JSON message: nothing waits for it
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
