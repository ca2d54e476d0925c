package org.carelog.query.communication;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.communication.PatientMessageRecord;
import org.carelog.api.patient.PatientId;
import org.carelog.projection.communication.PatientMessages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * A patient's messages for the front desk and administrators (not clinical roles: the texts are reminders and
 * notices, never clinical content, and secrets are masked).
 */
@Controller
class MessageQueries {

    static final int MAX_PAGE = 100;

    private final PatientMessages messages;
    private final Clock clock;

    MessageQueries(PatientMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    record PatientMessageConnection(List<PatientMessageEdge> edges, PageInfo pageInfo) {}

    record PatientMessageEdge(String cursor, PatientMessage node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    record PatientMessage(
            String id,
            String kind,
            String channel,
            String language,
            String status,
            String decision,
            String address,
            String text,
            Integer segments,
            int attempts,
            String gatewayMessageId,
            String gatewayAnswer,
            String resendOf,
            String requestedBy,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            OffsetDateTime deliveredAt,
            OffsetDateTime failedAt) {}

    @QueryMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN')")
    PatientMessageConnection patientMessages(
            @Argument String patientId, @Argument Integer first, @Argument String after) {
        PatientId patient = PatientId.parse("patientId", patientId);
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = after == null ? null : decode(after);
        List<PatientMessageRecord> page = messages.ofPatient(
                patient, cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.id(), size + 1);
        List<PatientMessageEdge> edges = page.stream()
                .limit(size)
                .map(m -> new PatientMessageEdge(encode(m.createdAt(), m.messageId()), view(m)))
                .toList();
        return new PatientMessageConnection(
                edges,
                new PageInfo(
                        page.size() > size,
                        after != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private PatientMessage view(PatientMessageRecord m) {
        return new PatientMessage(
                m.messageId().toString(),
                m.kind().name(),
                m.channel() == null ? null : m.channel().name(),
                m.language(),
                m.status().name(),
                m.decision().name(),
                m.address(),
                m.text(),
                m.segments(),
                m.attempts(),
                m.gatewayMessageId(),
                m.gatewayAnswer(),
                m.resendOf() == null ? null : m.resendOf().toString(),
                m.requestedBy(),
                time(m.createdAt()),
                time(m.sentAt()),
                time(m.deliveredAt()),
                time(m.failedAt()));
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }

    record Cursor(Instant createdAt, UUID id) {}

    static String encode(Instant createdAt, UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("message:" + createdAt + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("message:") || raw.indexOf('/') < 0) {
                throw new IllegalArgumentException();
            }
            String[] parts = raw.substring("message:".length()).split("/", 2);
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw CarelogException.validation("after", "is not a cursor of this list");
        }
    }
}
