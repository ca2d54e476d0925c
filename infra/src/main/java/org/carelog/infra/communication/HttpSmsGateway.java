package org.carelog.infra.communication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP SMS gateway in the style of Bangladeshi aggregators: one POST per message with {@code api_token} (or
 * {@code user}/{@code password}), {@code sid} (sender id), {@code msisdn} (digits without '+'), {@code sms},
 * {@code csms_id} (our reference, which such gateways refuse to accept twice) and {@code type} ({@code text} or
 * {@code unicode}), as JSON or form parameters; the gateway's message id comes back at a configured JSON pointer.
 * 5xx answers, timeouts and connection failures are temporary; 4xx answers and a refusal in a 2xx answer are final.
 * The answer is kept (shortened); phone numbers and texts are never logged.
 */
final class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final int ANSWER_LENGTH = 400;

    private final CommunicationProperties.Sms config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpSmsGateway(CommunicationProperties.Sms config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Outcome send(String reference, String e164Phone, String text, SmsSegments.Count count) {
        if (!config.configured()) {
            return new Permanent("no SMS gateway configured (carelog.communication.sms.url)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        credentials(parameters);
        parameters.put("sid", config.senderId());
        parameters.put("msisdn", e164Phone.startsWith("+") ? e164Phone.substring(1) : e164Phone);
        parameters.put("sms", text);
        parameters.put("csms_id", reference);
        parameters.put("type", count.encoding() == SmsSegments.Encoding.UCS2 ? "unicode" : "text");
        HttpRequest.Builder request = HttpRequest.newBuilder(config.sendUri()).timeout(config.timeout());
        try {
            if (config.format() == CommunicationProperties.ParameterFormat.JSON) {
                request.header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(parameters)));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = shorten(response.statusCode() + " " + response.body());
            if (response.statusCode() >= 500 || response.statusCode() == 429 || response.statusCode() == 408) {
                return new Temporary(answer);
            }
            if (response.statusCode() >= 400) {
                return new Permanent(answer);
            }
            JsonNode body = parse(response.body());
            String id = body == null ? null : text(body.at(config.messageIdPointer()));
            if (id == null || refused(body)) {
                return new Permanent(answer);
            }
            return new Accepted(id, answer);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Temporary("timeout after " + config.timeout());
        } catch (IOException e) {
            log.info("SMS gateway not reachable: {}", e.getClass().getSimpleName());
            return new Temporary("gateway not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Temporary("interrupted");
        }
    }

    @Override
    public boolean answersStatus() {
        return !config.statusUrl().isBlank();
    }

    @Override
    public Optional<Status> status(String reference) {
        if (config.statusUrl().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        credentials(parameters);
        parameters.put("csms_id", reference);
        String separator = config.statusUrl().contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.statusUrl() + separator + form(parameters)))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String answer = shorten(response.statusCode() + " " + response.body());
            if (response.statusCode() == 404) {
                return Optional.of(new Status(Delivery.UNKNOWN, null, answer));
            }
            if (response.statusCode() >= 300) {
                return Optional.empty();
            }
            JsonNode body = parse(response.body());
            if (body == null) {
                return Optional.empty();
            }
            return Optional.of(new Status(
                    delivery(text(body.at(config.statusPointer()))), text(body.at(config.messageIdPointer())), answer));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A gateway's delivery status word (DELIVERED, DELIVRD, UNDELIV, FAILED, SENT...) as ours. */
    static Delivery delivery(String status) {
        if (status == null) {
            return Delivery.UNKNOWN;
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "DELIVERED", "DELIVRD", "DELIVERY_SUCCESS" -> Delivery.DELIVERED;
            case "FAILED", "UNDELIV", "UNDELIVERED", "REJECTED", "REJECTD", "EXPIRED", "DELIVERY_FAILED" ->
                Delivery.FAILED;
            case "NOT_FOUND", "UNKNOWN" -> Delivery.UNKNOWN;
            default -> Delivery.ACCEPTED;
        };
    }

    private void credentials(Map<String, String> parameters) {
        if (!config.apiToken().isBlank()) {
            parameters.put("api_token", config.apiToken());
        }
        if (!config.username().isBlank()) {
            parameters.put("user", config.username());
            parameters.put("password", config.password());
        }
    }

    private static boolean refused(JsonNode body) {
        JsonNode status = body.get("status");
        return status != null
                && status.isTextual()
                && status.asText().toUpperCase(Locale.ROOT).startsWith("FAIL");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The answer as kept: shortened, and runs of 7 or more digits (phone numbers echoed back) masked. */
    static String shorten(String answer) {
        String masked = answer.replaceAll("\\d{7,}", "#######");
        return masked.length() <= ANSWER_LENGTH ? masked : masked.substring(0, ANSWER_LENGTH);
    }
}
