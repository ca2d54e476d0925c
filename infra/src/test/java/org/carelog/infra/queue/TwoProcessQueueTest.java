package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.carelog.api.common.Role;
import org.carelog.command.queue.QueueCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Two Carelog processes on one database: 200 tokens issued at once into one queue from both, at
 * several counters each, get 200 distinct numbers without a gap; and a board connected to one process
 * follows calls made through the other.
 */
class TwoProcessQueueTest extends QueueIntegrationTest {

    static final int TOKENS = 200;
    static final int COUNTERS_PER_PROCESS = 8;

    @Autowired
    QueueCommands queueCommands;

    @TempDir
    Path work;

    @Test
    void twoHundredConcurrentIssuesAcrossTwoProcessesGetGaplessDistinctNumbers() throws Exception {
        ServicePoint chamber = servicePoint("CHAMBER");
        try (SecondCarelog second = SecondCarelog.start(jdbc.getDataSource(), work.resolve("second.log"))) {
            List<ClientGraphQlResponse> boardOnSecond = new CopyOnWriteArrayList<>();
            WebSocketGraphQlClient client = socket(second.port);
            Disposable watching = client.document(QueueBoardSubscriptionTest.BOARD)
                    .variable("sp", chamber.id())
                    .executeSubscription()
                    .subscribe(boardOnSecond::add, e -> System.err.println("board ended: " + e));
            try {
                List<String> labels = issueConcurrently(chamber, second);

                assertThat(labels).hasSize(TOKENS).doesNotHaveDuplicates();
                Set<Integer> numbers = new TreeSet<>();
                labels.forEach(l -> numbers.add(Integer.parseInt(l.substring(l.lastIndexOf('-') + 1))));
                assertThat(numbers)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, TOKENS).boxed().toList());
                assertThat(jdbc.queryForObject(
                                "select count(*) from domainevententry where aggregateidentifier like ?"
                                        + " and payloadtype = 'org.carelog.api.queue.TokenIssued'",
                                Integer.class,
                                chamber.id() + ":%"))
                        .isEqualTo(TOKENS);
                System.out.println(
                        "queue commands retried in the test process after losing a race: " + queueCommands.retries());

                // A call through the first process reaches the board connected to the second.
                JsonNode called = callNext(chamber.id(), "Room 1");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !boardOnSecond.isEmpty()
                                && label(boardOnSecond.get(boardOnSecond.size() - 1))
                                        .equals(called.get("label").asText()));
            } finally {
                watching.dispose();
                client.stop().block(Duration.ofSeconds(10));
            }
        }
    }

    private List<String> issueConcurrently(ServicePoint chamber, SecondCarelog second) throws Exception {
        ExecutorService counters = Executors.newFixedThreadPool(2 * COUNTERS_PER_PROCESS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> issued = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < TOKENS; i++) {
                String base = i % 2 == 0 ? baseUrl() : second.baseUrl();
                String phone = "0171" + (2_000_000 + (unique() % 7_000_000));
                String body = JSON.writeValueAsString(Map.of(
                        "query",
                        ISSUE,
                        "variables",
                        Map.of(
                                "input",
                                Map.of(
                                        "servicePointId",
                                        chamber.id(),
                                        "walkIn",
                                        Map.of("nameEn", "Walk In", "phone", phone)))));
                issued.add(counters.submit(() -> {
                    start.await();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/graphql"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", credentials(Role.RECEPTIONIST))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .timeout(Duration.ofSeconds(120))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return data(response).at("/issueToken/label").asText();
                }));
            }
            start.countDown();
            List<String> labels = new ArrayList<>();
            for (Future<String> f : issued) {
                labels.add(f.get());
            }
            return labels;
        } finally {
            counters.shutdownNow();
        }
    }

    private static String label(ClientGraphQlResponse response) {
        List<Map<String, Object>> serving =
                response.field("queueBoard.nowServing").getValue();
        return serving == null || serving.isEmpty()
                ? ""
                : (String) serving.get(0).get("label");
    }

    private static WebSocketGraphQlClient socket(int port) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", credentials(Role.NURSE)));
                    }
                })
                .build();
    }
}
