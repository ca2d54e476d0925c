package org.carelog.infra.communication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's delivery reports: {@code POST /communication/sms/delivery-reports} with the shared secret in the
 * {@code X-Callback-Secret} header, and as JSON or form parameters our reference ({@code csms_id}) or the gateway's
 * message id ({@code reference_id} / {@code message_id}) and a {@code status} (DELIVERED, DELIVRD, FAILED, UNDELIV...).
 * Without a configured secret every report is refused.
 */
@RestController
class DeliveryReports {

    private final MessageStore store;
    private final CommunicationProperties properties;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DeliveryReports(MessageStore store, CommunicationProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/communication/sms/delivery-reports", consumes = "application/json")
    ResponseEntity<Map<String, Object>> json(
            @RequestHeader(name = "X-Callback-Secret", required = false) String secret, @RequestBody String body) {
        JsonNode report;
        try {
            report = json.readTree(body);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("status", "unreadable report"));
        }
        return report(
                secret,
                text(report, "csms_id"),
                Optional.ofNullable(text(report, "reference_id")).orElse(text(report, "message_id")),
                text(report, "status"));
    }

    @PostMapping(path = "/communication/sms/delivery-reports", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Map<String, Object>> form(
            @RequestHeader(name = "X-Callback-Secret", required = false) String secret,
            @RequestParam Map<String, String> report) {
        return report(
                secret,
                report.get("csms_id"),
                Optional.ofNullable(report.get("reference_id")).orElse(report.get("message_id")),
                report.get("status"));
    }

    private ResponseEntity<Map<String, Object>> report(
            String secret, String reference, String gatewayId, String status) {
        String expected = properties.sms().callbackSecret();
        if (expected.isBlank()
                || secret == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", "unauthorised"));
        }
        Optional<UUID> message = Optional.empty();
        if (reference != null && reference.matches("[0-9a-fA-F-]{36}")) {
            message = store.find(UUID.fromString(reference)).map(MessageStore.Stored::messageId);
        }
        if (message.isEmpty() && gatewayId != null) {
            message = store.byGatewayId(gatewayId);
        }
        if (message.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", "unknown message"));
        }
        SmsGateway.Delivery delivery = HttpSmsGateway.delivery(status);
        if (delivery == SmsGateway.Delivery.DELIVERED || delivery == SmsGateway.Delivery.FAILED) {
            store.delivery(
                    message.get(),
                    delivery == SmsGateway.Delivery.DELIVERED,
                    HttpSmsGateway.shorten("delivery report: " + status),
                    clock.instant());
        }
        return ResponseEntity.ok(Map.of("status", "recorded"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
