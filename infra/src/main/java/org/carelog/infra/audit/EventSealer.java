package org.carelog.infra.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals domainevententry into the hash chain of table event_seal, strictly in global-index order and without
 * skipping an index. Events can commit out of global-index order (PITFALLS #14), so the sealer stops at the
 * first missing index. It declares that index a gap (its transaction rolled back, the index is lost for good)
 * only when every transaction that was open when the gap was first seen has ended and the index is still
 * empty: the transaction that drew the index was one of those. A gap is sealed as a row of its own, so
 * verification tells a rolled-back index from a deleted event.
 *
 * <p>Each sealing transaction ends with a checkpoint signed with the audit signing key ({@link CheckpointSigner}),
 * so a chain recomputed by someone without the key no longer matches its signed heads.
 *
 * <p>A plain JDBC job rather than an Axon tracking processor: the seal must cover the stored bytes, and a
 * tracking token would skip a gap after its timeout, which is exactly what the seal must never do.
 */
@Component
class EventSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventSealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final StaffAuditSeal staffAudit;
    private final CheckpointSigner signer;
    private final AccessLogSealer accessLog;
    /** Missing global indexes, with the database time at which this node first saw each one missing. */
    private final Gaps gaps = new Gaps("select exists (select 1 from domainevententry where globalindex = ?)");

    private ScheduledExecutorService scheduler;

    EventSealer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            AuditProperties properties,
            StaffAuditSeal staffAudit,
            AccessLogSealer accessLog,
            CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.staffAudit = staffAudit;
        this.accessLog = accessLog;
        this.signer = signer;
    }

    /** Seals what can be sealed now; returns how many events and gaps it sealed. */
    int seal() {
        synchronized (gaps) {
            int sealed = 0;
            while (true) {
                Integer batch = transactions.execute(status -> sealBatch());
                sealed += batch;
                if (batch < properties.sealBatchSize()) {
                    return sealed;
                }
            }
        }
    }

    private int sealBatch() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(?)", Boolean.class, AuditChain.EVENT_SEAL_LOCK))) {
            return 0; // another node is sealing
        }
        List<Object[]> head =
                jdbc.query("select globalindex, hash from event_seal order by globalindex desc limit 1", (rs, n) ->
                        new Object[] {rs.getLong(1), rs.getBytes(2)});
        long last = head.isEmpty() ? 0 : (long) head.get(0)[0];
        byte[][] previous = {head.isEmpty() ? AuditChain.GENESIS : (byte[]) head.get(0)[1]};
        gaps.sealedUpTo(last);
        List<Object[]> seals = new ArrayList<>();
        long[] expected = {last + 1};
        boolean[] blocked = {false};
        jdbc.query(
                "select " + AuditChain.EVENT_COLUMNS + " from domainevententry e where e.globalindex > ?"
                        + " order by e.globalindex limit ?",
                rs -> {
                    if (blocked[0]) {
                        return;
                    }
                    long index = rs.getLong(1);
                    while (index > expected[0]) {
                        if (!gaps.permanent(jdbc, expected[0])) {
                            blocked[0] = true;
                            return;
                        }
                        byte[] hash = AuditChain.gapHash(previous[0], expected[0]);
                        seals.add(new Object[] {expected[0], null, previous[0], hash});
                        previous[0] = hash;
                        expected[0]++;
                    }
                    byte[] hash = AuditChain.eventHash(previous[0], rs, 1);
                    seals.add(new Object[] {index, rs.getString(5), previous[0], hash});
                    previous[0] = hash;
                    expected[0]++;
                },
                last,
                properties.sealBatchSize());
        if (!seals.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into event_seal (globalindex, eventidentifier, previous_hash, hash) values (?, ?, ?, ?)",
                    seals);
        }
        // one signed checkpoint per sealing transaction, at its head (also signs a head sealed before V9_1)
        signer.signHead(AuditTrailVerification.Chain.EVENT_STORE);
        return seals.size();
    }

    /** One pass over every chain; a chain that fails does not hold the others back. */
    private void sealQuietly() {
        quietly("the event store and the staff audit", () -> {
            seal();
            staffAudit.sealPending();
        });
        quietly("the access log", accessLog::seal);
    }

    private static void quietly(String chains, Runnable pass) {
        try {
            pass.run();
        } catch (CheckpointSigner.ChainRewritten e) {
            log.error("Sealing {} stopped, it was tampered with: {}", chains, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Sealing {} failed, will try again: {}", chains, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "event-sealer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sealInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Lets a running pass finish before the data source closes, so shutdown stays quiet. */
    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
