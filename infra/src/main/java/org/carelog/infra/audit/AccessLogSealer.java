package org.carelog.infra.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals clinical_access_log into the hash chain of table clinical_access_log_seal, in id order, every
 * {@code carelog.audit.seal-interval} (run by the {@link EventSealer}'s job), and signs the new head ({@link CheckpointSigner}, chain CLINICAL_ACCESS).
 * Asynchronous on purpose: sealing in the read's own transaction would put every chart read in the facility
 * behind one lock. Reads only insert their row (no lock); ids can commit out of order and an insert that fails
 * leaves an id unused, so the sealer waits at a missing id and seals it as a gap only once every transaction
 * open when it was first seen has ended and the id is still empty ({@link Gaps}, the event sealer's rule too).
 */
@Component
class AccessLogSealer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final CheckpointSigner signer;
    private final Gaps gaps = new Gaps("select exists (select 1 from clinical_access_log where id = ?)");

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
        gaps.sealedUpTo(last);
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
                        if (!gaps.permanent(jdbc, expected[0])) {
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
}
