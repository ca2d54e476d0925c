package org.carelog.infra.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Seals clinical_access_log into the hash chain of table clinical_access_log_seal, in id order, every
 * {@code carelog.audit.seal-interval}, and signs the new head ({@link CheckpointSigner}, chain CLINICAL_ACCESS).
 * Asynchronous on purpose: sealing in the read's own transaction would put every chart read in the facility
 * behind one lock. Reads only insert their row (no lock); ids can commit out of order and an insert that fails
 * leaves an id unused, so the sealer waits at a missing id and seals it as a gap only once every transaction
 * open when it was first seen has ended and the id is still empty: the same rule as {@link EventSealer}.
 */
@Component
class AccessLogSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessLogSealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final CheckpointSigner signer;
    private final Map<Long, Timestamp> gapsSeen = new HashMap<>();

    private ScheduledExecutorService scheduler;

    AccessLogSealer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            AuditProperties properties,
            CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.signer = signer;
    }

    /** Seals what can be sealed now; returns how many rows and gaps it sealed. */
    int seal() {
        synchronized (gapsSeen) {
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
                "select pg_try_advisory_xact_lock(?)", Boolean.class, AuditChain.ACCESS_LOG_LOCK))) {
            return 0;
        }
        List<Object[]> head = jdbc.query(
                "select access_id, hash from clinical_access_log_seal order by access_id desc limit 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
        // the chain starts at the first id the log ever used (a sequence may not start at 1 after a restore)
        long last = head.isEmpty()
                ? jdbc.queryForObject("select coalesce(min(id), 1) - 1 from clinical_access_log", Long.class)
                : (long) head.get(0)[0];
        byte[][] previous = {head.isEmpty() ? AuditChain.GENESIS : (byte[]) head.get(0)[1]};
        gapsSeen.keySet().removeIf(id -> id <= last);
        List<Object[]> seals = new ArrayList<>();
        long[] expected = {last + 1};
        boolean[] blocked = {false};
        jdbc.query(
                "select " + AuditChain.ACCESS_COLUMNS + " from clinical_access_log l where l.id > ?"
                        + " order by l.id limit ?",
                rs -> {
                    if (blocked[0]) {
                        return;
                    }
                    long id = rs.getLong(1);
                    while (id > expected[0]) {
                        if (!permanentGap(expected[0])) {
                            blocked[0] = true;
                            return;
                        }
                        byte[] hash = AuditChain.accessGapHash(previous[0], expected[0]);
                        seals.add(new Object[] {expected[0], true, previous[0], hash});
                        previous[0] = hash;
                        expected[0]++;
                    }
                    byte[] hash = AuditChain.accessHash(previous[0], rs, 1);
                    seals.add(new Object[] {id, false, previous[0], hash});
                    previous[0] = hash;
                    expected[0]++;
                },
                last,
                properties.sealBatchSize());
        if (!seals.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into clinical_access_log_seal (access_id, gap, previous_hash, hash) values (?, ?, ?, ?)",
                    seals);
        }
        signer.signHead(AuditTrailVerification.Chain.CLINICAL_ACCESS);
        return seals.size();
    }

    private boolean permanentGap(long id) {
        Timestamp firstSeen = gapsSeen.get(id);
        if (firstSeen == null) {
            gapsSeen.put(id, jdbc.queryForObject("select clock_timestamp()", Timestamp.class));
            return false;
        }
        boolean olderTransactionsEnded = Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from pg_stat_activity where datname = current_database()"
                        + " and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start <= ?)",
                Boolean.class,
                firstSeen));
        return olderTransactionsEnded
                && Boolean.FALSE.equals(jdbc.queryForObject(
                        "select exists (select 1 from clinical_access_log where id = ?)", Boolean.class, id));
    }

    private void sealQuietly() {
        try {
            seal();
        } catch (CheckpointSigner.ChainRewritten e) {
            log.error("Sealing stopped, the access log was tampered with: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Sealing the access log failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "access-log-sealer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sealInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

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
