package org.carelog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMS aggregator in the test JVM (JDK HTTP server), speaking what Carelog's gateway adapter speaks: POST
 * {@code /sms/send} (JSON or form: api_token, sid, msisdn, sms, csms_id, type) answering a reference id, and GET
 * {@code /sms/status?csms_id=} (404 for a reference it never received). It can be made slow (it records the message,
 * then answers late), down (503, nothing recorded) or refusing (400). One per JVM: every test context sends here.
 */
public final class TestSmsGateway {

    /** One message as the gateway received it. */
    public record Sms(String reference, String msisdn, String text, String type, String senderId, String gatewayId) {}

    private static TestSmsGateway instance;

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final Map<String, Sms> byReference = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(9_000_000);
    private final AtomicLong requests = new AtomicLong();
    private volatile int failWith = 0;
    private volatile Duration delay = Duration.ZERO;

    private TestSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-sms-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/sms/send", this::send);
        server.createContext("/sms/status", this::status);
        server.start();
    }

    public static synchronized TestSmsGateway get() {
        if (instance == null) {
            instance = new TestSmsGateway();
        }
        return instance;
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** Answers normally again. */
    public void up() {
        failWith = 0;
        delay = Duration.ZERO;
    }

    /** An outage: every request gets 503 and nothing is received. */
    public void down() {
        failWith = 503;
    }

    /** Refuses every message (400), as for a blocked number. */
    public void refusing() {
        failWith = 400;
    }

    /** Receives every message at once but answers only after {@code delay}. */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /** Every message received, in order (a message received twice appears twice). */
    public List<Sms> received() {
        return new ArrayList<>(received);
    }

    /** The texts received for the phone number, in order. */
    public List<String> sentTo(String e164Phone) {
        String digits = e164Phone.startsWith("+") ? e164Phone.substring(1) : e164Phone;
        return received.stream()
                .filter(s -> s.msisdn().equals(digits))
                .map(Sms::text)
                .toList();
    }

    /** Requests of any kind answered or refused so far. */
    public long requests() {
        return requests.get();
    }

    private void send(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failWith != 0) {
            answer(
                    exchange,
                    failWith,
                    "{\"status\":\"FAILED\",\"error_message\":\"test gateway answers " + failWith + "\"}");
            return;
        }
        Map<String, String> p = parameters(exchange, body);
        String reference = p.get("csms_id");
        Sms sms = new Sms(
                reference,
                p.get("msisdn"),
                p.get("sms"),
                p.get("type"),
                p.get("sid"),
                String.valueOf(ids.incrementAndGet()));
        received.add(sms);
        if (reference != null) {
            byReference.putIfAbsent(reference, sms);
        }
        Duration wait = delay;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(
                exchange,
                200,
                "{\"status\":\"SUCCESS\",\"status_code\":200,\"smsinfo\":[{\"sms_status\":\"SUCCESS\",\"reference_id\":\""
                        + sms.gatewayId() + "\",\"csms_id\":\"" + reference + "\"}]}");
    }

    private void status(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (failWith >= 500) {
            answer(exchange, failWith, "{\"status\":\"FAILED\"}");
            return;
        }
        Map<String, String> p = parameters(exchange, "");
        Sms sms = byReference.get(p.getOrDefault("csms_id", ""));
        if (sms == null) {
            answer(exchange, 404, "{\"status\":\"NOT_FOUND\"}");
            return;
        }
        answer(
                exchange,
                200,
                "{\"status\":\"DELIVERED\",\"smsinfo\":[{\"reference_id\":\"" + sms.gatewayId() + "\"}]}");
    }

    private Map<String, String> parameters(HttpExchange exchange, String body) throws IOException {
        Map<String, String> p = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            p.putAll(form(query));
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JsonNode node = json.readTree(body);
            node.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        } else if (!body.isEmpty()) {
            p.putAll(form(body));
        }
        return p;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> p = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
