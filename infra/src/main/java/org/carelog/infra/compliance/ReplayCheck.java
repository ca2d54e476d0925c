package org.carelog.infra.compliance;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.carelog.api.common.ReadModelTables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one read model from the event store into scratch tables and compares them with the live ones: catches
 * events a projector lost, applied twice or applied differently from how it applies them now.
 *
 * <p>Everything happens in one REPEATABLE READ transaction that is always rolled back, so the check can never
 * change live data. In it: a temporary table shadows each table the processor's handlers declare
 * ({@link ReadModelTables}; PostgreSQL resolves unqualified names to temporary tables first, so the handlers'
 * own SQL and JPA write there); the processor's position is read from its tokens in the same snapshot; every
 * stored event the live processor has handled by then (per segment, gaps excluded) is handed to the same handler
 * beans, in order, in units of work of {@value #BATCH} events; then each shadow is compared with its live table
 * over every column except surrogate keys drawn from sequences. Writes to any other table in the transaction
 * ({@code pg_stat_xact_user_tables}) are reported as undeclared. Differences are counts and up to
 * {@value #SAMPLES} primary keys per table: row contents would copy personal data out of the read model.
 */
@Component
class ReplayCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplayCheck.class);

    static final int BATCH = 500;
    static final int SAMPLES = 5;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What the check found for one read model. */
    record Result(
            String processor,
            long eventsReplayed,
            List<TableComparison> tables,
            List<String> undeclaredWrites,
            String error) {

        boolean consistent() {
            return error == null
                    && undeclaredWrites.isEmpty()
                    && tables.stream().allMatch(TableComparison::equal);
        }
    }

    /** One table: rows live and rebuilt, rows only live (missing from the rebuild), rows only rebuilt (extra). */
    record TableComparison(
            String table, long liveRows, long rebuiltRows, long missing, long extra, List<String> sampleKeys) {
        boolean equal() {
            return missing == 0 && extra == 0;
        }
    }

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<EventStorageEngine> storage;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final TransactionTemplate snapshot;

    ReplayCheck(
            EventProcessingConfiguration processing,
            ObjectProvider<EventStorageEngine> storage,
            Serializer serializer,
            JdbcTemplate jdbc,
            EntityManager entityManager,
            PlatformTransactionManager transactions) {
        this.processing = processing;
        this.storage = storage;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The read models the check can rebuild: processors that may replay, by name. None when events are not in
     * Carelog's PostgreSQL (the axonserver profile): the rebuild must read them in the snapshot of the tables.
     */
    List<String> readModels() {
        if (storage.getIfAvailable() == null) {
            return List.of();
        }
        return processing.eventProcessors().values().stream()
                .filter(p -> invoker(p).map(EventHandlerInvoker::supportsReset).orElse(false))
                .filter(p -> !leaves(invoker(p).orElseThrow()).isEmpty())
                .filter(p -> !keepsNoReadModel(leaves(invoker(p).orElseThrow())))
                .map(EventProcessor::getName)
                .sorted()
                .toList();
    }

    /** Checks one read model; never throws for a failure of the rebuild itself (it is reported in the result). */
    Result check(String processorName) {
        EventProcessor processor = processing
                .eventProcessor(processorName)
                .orElseThrow(() -> new IllegalArgumentException("no event processor " + processorName));
        EventHandlerInvoker invoker = invoker(processor)
                .filter(EventHandlerInvoker::supportsReset)
                .orElseThrow(() -> new IllegalArgumentException(processorName + " is never replayed"));
        List<SimpleEventHandlerInvoker> leaves = leaves(invoker);
        Set<String> tables = declaredTables(leaves);
        if (tables.isEmpty()) {
            return new Result(processorName, 0, List.of(), List.of(), "its handlers declare no @ReadModelTables");
        }
        try {
            return snapshot.execute(status -> {
                status.setRollbackOnly();
                return rebuildAndCompare(processor, leaves, tables);
            });
        } catch (RuntimeException e) {
            LOG.warn("Replay check of {} failed", processorName, e);
            return new Result(processorName, 0, List.of(), List.of(), describe(e));
        }
    }

    private Result rebuildAndCompare(
            EventProcessor processor, List<SimpleEventHandlerInvoker> leaves, Set<String> tables) {
        // The first statement fixes the snapshot: the tokens and the live tables are read as of the same moment.
        Map<Segment, TrackingToken> positions = positions(processor);
        for (String table : tables) {
            jdbc.execute("create temporary table " + table + " (like public." + table + " including all)"
                    + " on commit drop");
        }
        Map<String, Long> writesBefore = publicTableWrites();
        long replayed = replay(leaves, positions);
        entityManager.flush();
        entityManager.clear();
        List<TableComparison> comparisons = tables.stream().map(this::compare).toList();
        Map<String, Long> writesAfter = publicTableWrites();
        List<String> undeclared = writesAfter.entrySet().stream()
                .filter(w -> w.getValue() > writesBefore.getOrDefault(w.getKey(), 0L))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return new Result(processor.getName(), replayed, comparisons, undeclared, null);
    }

    /**
     * Rows written to each live table as the backend counts them for the open transaction. The counts may also
     * hold earlier transactions' writes not yet reported (PostgreSQL reports them when the connection is idle),
     * so only what grows during the rebuild is the rebuild's.
     */
    private Map<String, Long> publicTableWrites() {
        Map<String, Long> writes = new java.util.HashMap<>();
        jdbc.query(
                "select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_xact_user_tables"
                        + " where schemaname = 'public'",
                rs -> {
                    writes.put(rs.getString(1), rs.getLong(2));
                });
        return writes;
    }

    /**
     * How far the live processor has got, per segment (a streaming processor's tokens, read in this snapshot);
     * null for a subscribing processor, which handles every event in the transaction that appends it.
     */
    private Map<Segment, TrackingToken> positions(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor)) {
            jdbc.queryForObject("select 1", Integer.class);
            return null;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select segment, token, tokentype from tokenentry where processorname = ? order by segment",
                processor.getName());
        int[] ids = rows.stream()
                .mapToInt(r -> ((Number) r.get("segment")).intValue())
                .toArray();
        Map<Segment, TrackingToken> positions = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            int id = ((Number) row.get("segment")).intValue();
            byte[] token = (byte[]) row.get("token");
            String type = (String) row.get("tokentype");
            positions.put(
                    Segment.computeSegment(id, ids),
                    token == null
                            ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
        }
        return positions;
    }

    private long replay(List<SimpleEventHandlerInvoker> leaves, Map<Segment, TrackingToken> positions) {
        long[] replayed = {0};
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events =
                storage.getObject().readEvents(null, false)) {
            events.forEach(event -> {
                if (handledLive(event, leaves, positions)) {
                    batch.add(event);
                    if (batch.size() == BATCH) {
                        replayed[0] += handle(batch, leaves);
                        batch.clear();
                    }
                }
            });
        }
        replayed[0] += handle(batch, leaves);
        return replayed[0];
    }

    /** Whether the live processor has handled this event: its segment's token covers it (gaps excluded). */
    private static boolean handledLive(
            TrackedEventMessage<?> event,
            List<SimpleEventHandlerInvoker> leaves,
            Map<Segment, TrackingToken> positions) {
        if (positions == null) {
            return true;
        }
        long index = event.trackingToken().position().orElseThrow();
        for (Map.Entry<Segment, TrackingToken> position : positions.entrySet()) {
            Segment segment = position.getKey();
            if (leaves.stream().anyMatch(leaf -> leaf.canHandle(event, segment))) {
                return covers(position.getValue(), index);
            }
        }
        return false;
    }

    static boolean covers(TrackingToken token, long index) {
        if (token == null) {
            return false;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return index <= gapAware.get().getIndex()
                    && !gapAware.get().getGaps().contains(index);
        }
        Optional<GlobalSequenceTrackingToken> global = WrappedToken.unwrap(token, GlobalSequenceTrackingToken.class);
        if (global.isPresent()) {
            return index <= global.get().getGlobalIndex();
        }
        return token.position().orElse(-1) >= index;
    }

    /** Hands a batch to the handler beans in one unit of work, as a processor's batch; returns events handled. */
    private long handle(List<TrackedEventMessage<?>> batch, List<SimpleEventHandlerInvoker> leaves) {
        if (batch.isEmpty()) {
            return 0;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        var result = unitOfWork.executeWithResult(
                () -> {
                    TrackedEventMessage<?> event = unitOfWork.getMessage();
                    for (SimpleEventHandlerInvoker leaf : leaves) {
                        for (EventMessageHandler handler : leaf.eventHandlers()) {
                            if (handler.canHandle(event)) {
                                handler.handle(event);
                            }
                        }
                    }
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("a handler failed", failure);
        }
        entityManager.flush();
        entityManager.clear();
        return batch.size();
    }

    private TableComparison compare(String table) {
        List<String> columns = jdbc.queryForList(
                "select column_name from information_schema.columns where table_schema = 'public' and table_name = ?"
                        + " and is_identity = 'NO' and coalesce(column_default, '') not like 'nextval(%'"
                        + " and is_generated = 'NEVER' order by ordinal_position",
                String.class, table);
        List<String> keys = jdbc.queryForList(
                "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                        + " and a.attnum = any(i.indkey) where i.indrelid = ('public.' || ?)::regclass"
                        + " and i.indisprimary order by a.attnum",
                String.class,
                table);
        String projection =
                String.join(", ", columns.stream().map(c -> quote(c) + "::text").toList());
        String live = "select " + projection + " from public." + table;
        String rebuilt = "select " + projection + " from pg_temp." + table;
        long liveRows = count("select count(*) from public." + table);
        long rebuiltRows = count("select count(*) from pg_temp." + table);
        long missing = count("select count(*) from (" + live + " except all " + rebuilt + ") d");
        long extra = count("select count(*) from (" + rebuilt + " except all " + live + ") d");
        List<String> samples = List.of();
        List<String> sampleColumns = keys.stream().filter(columns::contains).toList();
        if ((missing > 0 || extra > 0) && !sampleColumns.isEmpty()) {
            String key = String.join(
                    " || '/' || ",
                    sampleColumns.stream().map(ReplayCheck::quote).toList());
            String names =
                    String.join(", ", columns.stream().map(ReplayCheck::quote).toList());
            samples = jdbc.queryForList(
                    "select distinct " + key + " from ((" + live + " except all " + rebuilt + ") union all (" + rebuilt
                            + " except all " + live + ")) d(" + names + ") order by 1 limit " + SAMPLES,
                    String.class);
        }
        return new TableComparison(table, liveRows, rebuiltRows, missing, extra, samples);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String quote(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }

    private static Optional<EventHandlerInvoker> invoker(EventProcessor processor) {
        return processor instanceof AbstractEventProcessor abstractProcessor
                ? Optional.of(abstractProcessor.eventHandlerInvoker())
                : Optional.empty();
    }

    private static List<SimpleEventHandlerInvoker> leaves(EventHandlerInvoker invoker) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return List.of(simple);
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(d -> leaves(d).stream()).toList();
        }
        return List.of(); // a saga manager: process state, not a read model
    }

    /** Whether every handler declares an empty list: replay-safe upkeep of rows the processor does not own. */
    private static boolean keepsNoReadModel(List<SimpleEventHandlerInvoker> leaves) {
        return leaves.stream().flatMap(leaf -> leaf.eventHandlers().stream()).allMatch(handler -> {
            ReadModelTables declared =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getTargetType(), ReadModelTables.class);
            return declared != null && declared.value().length == 0;
        });
    }

    private static Set<String> declaredTables(List<SimpleEventHandlerInvoker> leaves) {
        Set<String> tables = new LinkedHashSet<>();
        for (SimpleEventHandlerInvoker leaf : leaves) {
            for (EventMessageHandler handler : leaf.eventHandlers()) {
                ReadModelTables declared =
                        AnnotatedElementUtils.findMergedAnnotation(handler.getTargetType(), ReadModelTables.class);
                if (declared != null) {
                    Arrays.stream(declared.value()).forEach(table -> {
                        if (!TABLE_NAME.matcher(table).matches()) {
                            throw new IllegalStateException("not a table name: " + table);
                        }
                        tables.add(table);
                    });
                }
            }
        }
        return tables;
    }

    /**
     * What went wrong, without messages: a database error's text can quote the values of the row that failed,
     * which may be personal data. Exception types along the cause chain and the SQL state; the log has the rest.
     */
    private static String describe(Throwable e) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(
                    t instanceof java.sql.SQLException sql
                            ? t.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ")"
                            : t.getClass().getSimpleName());
        }
        return String.join(" caused by ", chain);
    }
}
