package org.carelog.infra.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.compliance.ReplayCheck.Result;
import org.carelog.infra.compliance.ReplayCheck.TableComparison;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs of the replay check: one at a time per process, in the background (a large store takes minutes), each
 * read model's result written as soon as it is known so a run can be watched while it goes.
 */
@Component
class ReplayChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayChecks.class);

    record Run(UUID id, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt, String status) {}

    record ReadModelResult(
            String readModel,
            OffsetDateTime checkedAt,
            long eventsReplayed,
            boolean consistent,
            List<TableComparison> tables,
            String undeclared,
            String error) {}

    private final ReplayCheck check;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay-check");
        thread.setDaemon(true);
        return thread;
    });

    ReplayChecks(ReplayCheck check, JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.check = check;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Starts a run over the given read models (all when empty). A retry with the same key returns the same run;
     * CONFLICT while another run is going; VALIDATION for a name that is not a replayable read model.
     */
    Run start(String username, List<String> requested, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            List<Run> earlier = runs("where requested_by = ? and idempotency_key = ?", username, key);
            if (!earlier.isEmpty()) {
                return earlier.get(0);
            }
        }
        List<String> available = check.readModels();
        if (available.isEmpty()) {
            throw CarelogException.conflict(
                    "The replay check reads the event store in PostgreSQL; with Axon Server it is not available",
                    Map.of());
        }
        List<String> chosen = requested == null || requested.isEmpty() ? available : List.copyOf(requested);
        for (String name : chosen) {
            if (!available.contains(name)) {
                throw CarelogException.validation("readModels", name + " is not a read model that can be replayed");
            }
        }
        if (!runs("where status = 'RUNNING'").isEmpty()) {
            throw CarelogException.conflict("A replay check is running already", Map.of());
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.update(
                    "insert into replay_check_run (id, requested_by, requested_at, status, idempotency_key)"
                            + " values (?, ?, ?, 'RUNNING', ?)",
                    id,
                    username,
                    Timestamp.from(clock.instant()),
                    key);
        } catch (DuplicateKeyException e) {
            return runs("where requested_by = ? and idempotency_key = ?", username, key)
                    .get(0);
        }
        LOG.info("{} started replay check {} of {}", username, id, chosen);
        runner.execute(() -> run(id, chosen));
        return find(id);
    }

    private void run(UUID id, List<String> readModels) {
        String status = "CONSISTENT";
        try {
            for (String readModel : readModels) {
                Result result = check.check(readModel);
                record(id, result);
                if (result.error() != null) {
                    status = "FAILED";
                } else if (!result.consistent() && !status.equals("FAILED")) {
                    status = "DIFFERENCES";
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Replay check {} failed", id, e);
            status = "FAILED";
        }
        jdbc.update(
                "update replay_check_run set status = ?, finished_at = ? where id = ?",
                status,
                Timestamp.from(clock.instant()),
                id);
        LOG.info("Replay check {} finished: {}", id, status);
    }

    private void record(UUID run, Result result) {
        try {
            jdbc.update(
                    "insert into replay_check_result (run_id, processor, checked_at, events_replayed, consistent,"
                            + " tables, undeclared, error) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                    run,
                    result.processor(),
                    Timestamp.from(clock.instant()),
                    result.eventsReplayed(),
                    result.consistent(),
                    json.writeValueAsString(result.tables()),
                    result.undeclaredWrites().isEmpty() ? null : String.join(", ", result.undeclaredWrites()),
                    result.error());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Run find(UUID id) {
        List<Run> found = runs("where id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Run> recent(int first) {
        return runs("order by requested_at desc limit " + first);
    }

    List<ReadModelResult> results(UUID run) {
        return jdbc.query(
                "select processor, checked_at, events_replayed, consistent, tables::text, undeclared, error"
                        + " from replay_check_result where run_id = ? order by processor",
                (rs, n) -> new ReadModelResult(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        tables(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7)),
                run);
    }

    private List<TableComparison> tables(String text) {
        try {
            return List.of(json.readValue(text, TableComparison[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Run> runs(String condition, Object... args) {
        return jdbc.query(
                "select id, requested_by, requested_at, finished_at, status from replay_check_run " + condition,
                (rs, n) -> new Run(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5)),
                args);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
