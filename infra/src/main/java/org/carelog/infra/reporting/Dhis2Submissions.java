package org.carelog.infra.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a finished month's data value set to DHIS2 ({@code POST <base-url>/api/dataValueSets}, JSON, Basic or
 * ApiToken authentication, the configured timeouts) and records every attempt in {@code dhis2_submission}. A key
 * already used by the same user returns that attempt's outcome without sending again. DHIS2's refusal (4xx, or an
 * import status ERROR) is a CONFLICT; a 5xx, a timeout or an unreachable server is UNAVAILABLE; both carry the
 * submission id, and the failure kind as {@code dhis2Failure}.
 */
@Component
class Dhis2Submissions {

    private static final Logger LOG = LoggerFactory.getLogger(Dhis2Submissions.class);
    static final int SUMMARY_LIMIT = 2_000;
    static final int CONFLICT_LIMIT = 50;

    /** One conflict DHIS2 reported: what (a data element, an org unit...) and why. */
    record Conflict(String object, String value) {}

    /** One attempt to send a month. */
    record Submission(
            UUID id,
            String month,
            String requestedBy,
            Instant requestedAt,
            String idempotencyKey,
            String status,
            String failure,
            Instant finishedAt,
            Integer httpStatus,
            Integer imported,
            Integer updated,
            Integer ignored,
            Integer deleted,
            List<Conflict> conflicts,
            String responseSummary) {}

    /** What came back from DHIS2, before it is recorded. */
    private record Outcome(
            String status,
            String failure,
            Integer httpStatus,
            int[] counts,
            List<Conflict> conflicts,
            String summary,
            String message) {}

    private final Dhis2DataValueSets sets;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;

    Dhis2Submissions(Dhis2DataValueSets sets, JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.sets = sets;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(sets.properties().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The submissions, newest first. */
    List<Submission> recent(int first) {
        if (first < 1 || first > 200) {
            throw CarelogException.validation("first", "must be between 1 and 200");
        }
        return jdbc.query(
                "select * from dhis2_submission order by requested_at desc, id limit ?", this::submission, first);
    }

    /**
     * Sends the month's data value set once per idempotency key of the user. VALIDATION when DHIS2 is not
     * configured, for a month that is not over or a missing key; CONFLICT for a key used for another month or
     * still being sent.
     */
    Submission send(String username, String monthText, String idempotencyKey) {
        sets.requireConfigured();
        Dhis2Properties properties = sets.properties();
        if (!properties.sendable()) {
            throw CarelogException.validation(
                    "carelog.reporting.dhis2.base-url",
                    "no DHIS2 server is configured (carelog.reporting.dhis2.base-url): the data value set can be"
                            + " downloaded but not sent");
        }
        if (idempotencyKey == null
                || idempotencyKey.isBlank()
                || idempotencyKey.strip().length() > 100) {
            throw CarelogException.validation("idempotencyKey", "is required (at most 100 characters)");
        }
        String key = idempotencyKey.strip();
        YearMonth month = sets.month(monthText);
        Submission earlier = find(username, key);
        if (earlier != null) {
            return replay(earlier, month);
        }
        if (!sets.over(month)) {
            throw CarelogException.validation(
                    "month",
                    month + " is not over: DHIS2 receives finished months only (preview it with dhis2DataValueSet)");
        }
        Dhis2DataValueSets.DataValueSet set = sets.build(month);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update(
                    "insert into dhis2_submission (id, month, requested_by, requested_at, idempotency_key, status)"
                            + " values (?, ?, ?, ?, ?, 'SENDING')",
                    id,
                    month.toString(),
                    username,
                    Timestamp.from(clock.instant()),
                    key);
        } catch (DuplicateKeyException e) {
            return replay(find(username, key), month);
        }
        LOG.info(
                "{} sends DHIS2 data value set {} ({} values), submission {}",
                username,
                month,
                set.dataValues().size(),
                id);
        Outcome outcome = post(properties, set.json());
        jdbc.update(
                "update dhis2_submission set status = ?, failure = ?, finished_at = ?, http_status = ?, imported = ?,"
                        + " updated = ?, ignored = ?, deleted = ?, conflicts = ?::jsonb, response_summary = ?"
                        + " where id = ?",
                outcome.status(),
                outcome.failure(),
                Timestamp.from(clock.instant()),
                outcome.httpStatus(),
                outcome.counts() == null ? null : outcome.counts()[0],
                outcome.counts() == null ? null : outcome.counts()[1],
                outcome.counts() == null ? null : outcome.counts()[2],
                outcome.counts() == null ? null : outcome.counts()[3],
                write(outcome.conflicts()),
                cut(outcome.summary()),
                id);
        if (outcome.failure() != null) {
            LOG.warn("DHIS2 submission {} of {} failed: {}", id, month, outcome.message());
        }
        return replay(find(username, key), month);
    }

    /** The recorded attempt's outcome again: the submission, or the error it ended with. */
    private Submission replay(Submission submission, YearMonth month) {
        if (!submission.month().equals(month.toString())) {
            throw CarelogException.conflict(
                    "This idempotency key was used to send " + submission.month() + "; use a new key",
                    Map.of("submissionId", submission.id().toString()));
        }
        if ("SENDING".equals(submission.status())) {
            throw CarelogException.conflict(
                    "This submission is being sent; look for it in dhis2Submissions",
                    Map.of("submissionId", submission.id().toString()));
        }
        if (submission.failure() != null) {
            throw new CarelogException(error(submission));
        }
        return submission;
    }

    private static CarelogError error(Submission s) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("submissionId", s.id().toString());
        extensions.put("dhis2Failure", s.failure());
        if (s.httpStatus() != null) {
            extensions.put("httpStatus", s.httpStatus());
        }
        String retry = " (submission " + s.id() + "; send again with a new idempotency key)";
        return switch (s.failure()) {
            case "REJECTED" -> {
                extensions.put("dhis2Status", s.status());
                extensions.put(
                        "conflicts",
                        s.conflicts().stream()
                                .map(c -> Map.of(
                                        "object", String.valueOf(c.object()), "value", String.valueOf(c.value())))
                                .toList());
                String first = s.conflicts().isEmpty()
                        ? ""
                        : "; first conflict: " + s.conflicts().get(0).object() + ": "
                                + s.conflicts().get(0).value();
                yield new CarelogError(
                        ErrorCode.CONFLICT,
                        "DHIS2 refused the data value set (HTTP " + s.httpStatus() + ", "
                                + s.conflicts().size() + " conflicts" + first + ")" + retry,
                        null,
                        extensions);
            }
            case "SERVER_ERROR" ->
                new CarelogError(
                        ErrorCode.UNAVAILABLE,
                        "DHIS2 failed to import (HTTP " + s.httpStatus() + "); try again later" + retry,
                        null,
                        extensions);
            case "TIMEOUT" ->
                new CarelogError(
                        ErrorCode.UNAVAILABLE,
                        "DHIS2 did not answer in time; it may still import the values, and sending the month again"
                                + " overwrites them" + retry,
                        null,
                        extensions);
            default ->
                new CarelogError(
                        ErrorCode.UNAVAILABLE, "DHIS2 could not be reached; try again later" + retry, null, extensions);
        };
    }

    private Outcome post(Dhis2Properties properties, String body) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/dataValueSets"))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization(properties))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return failed("UNREACHABLE", "connection timed out");
        } catch (HttpTimeoutException e) {
            return failed("TIMEOUT", "no answer within " + properties.readTimeout());
        } catch (ConnectException e) {
            return failed("UNREACHABLE", "connection refused or no route: " + e.getMessage());
        } catch (IOException e) {
            return failed("UNREACHABLE", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("UNREACHABLE", "interrupted");
        }
        int code = response.statusCode();
        JsonNode summary = importSummary(response.body());
        String status = summary == null || !summary.hasNonNull("status")
                ? null
                : summary.get("status").asText();
        int[] counts = null;
        List<Conflict> conflicts = List.of();
        if (summary != null) {
            JsonNode count = summary.path("importCount");
            counts = new int[] {
                count.path("imported").asInt(), count.path("updated").asInt(),
                count.path("ignored").asInt(), count.path("deleted").asInt()
            };
            conflicts = new ArrayList<>();
            for (JsonNode c : summary.path("conflicts")) {
                if (conflicts.size() < CONFLICT_LIMIT) {
                    conflicts.add(new Conflict(text(c, "object"), text(c, "value")));
                }
            }
        }
        String failure = null;
        if (code >= 500) {
            failure = "SERVER_ERROR";
        } else if (code >= 300 || "ERROR".equals(status)) {
            failure = "REJECTED";
        }
        String recorded = status != null ? status : failure != null ? "FAILED" : "UNKNOWN";
        return new Outcome(
                recorded, failure, code, counts, conflicts, response.body(), "HTTP " + code + " " + recorded);
    }

    /** DHIS2 2.38 and later wrap the import summary in {@code response}; older versions answer with it alone. */
    private JsonNode importSummary(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            JsonNode inner = root.path("response");
            if (inner.isObject() && (inner.has("importCount") || inner.has("status"))) {
                return inner;
            }
            return root.has("importCount") ? root : null;
        } catch (IOException e) {
            return null; // an HTML error page, a proxy's answer
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Outcome failed(String failure, String message) {
        return new Outcome("FAILED", failure, null, null, List.of(), message, message);
    }

    private static String authorization(Dhis2Properties properties) {
        if (properties.personalAccessToken() != null
                && !properties.personalAccessToken().isBlank()) {
            return "ApiToken " + properties.personalAccessToken().strip();
        }
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
    }

    private Submission find(String username, String key) {
        List<Submission> found = jdbc.query(
                "select * from dhis2_submission where requested_by = ? and idempotency_key = ?",
                this::submission,
                username,
                key);
        return found.isEmpty() ? null : found.get(0);
    }

    private Submission submission(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String conflicts = rs.getString("conflicts");
        return new Submission(
                rs.getObject("id", UUID.class),
                rs.getString("month"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("idempotency_key"),
                rs.getString("status"),
                rs.getString("failure"),
                finished == null ? null : finished.toInstant(),
                rs.getObject("http_status", Integer.class),
                rs.getObject("imported", Integer.class),
                rs.getObject("updated", Integer.class),
                rs.getObject("ignored", Integer.class),
                rs.getObject("deleted", Integer.class),
                conflicts == null ? List.of() : read(conflicts),
                rs.getString("response_summary"));
    }

    private List<Conflict> read(String conflicts) {
        try {
            return json.readValue(conflicts, new TypeReference<List<Conflict>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private String write(List<Conflict> conflicts) {
        try {
            return json.writeValueAsString(conflicts);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT);
    }
}
