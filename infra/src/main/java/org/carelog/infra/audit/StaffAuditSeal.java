package org.carelog.infra.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links staff_audit rows into a hash chain (table staff_audit_seal) in the transaction that inserts them. The
 * writer holds a transaction-scoped advisory lock from before its insert until its commit, so audit ids are drawn,
 * sealed and committed one writer at a time, in id order: the chain never has to wait for a slower transaction.
 * Each sealing ends with a signed checkpoint at the new head ({@link CheckpointSigner}).
 */
@Component
public class StaffAuditSeal {

    private final JdbcTemplate jdbc;
    private final CheckpointSigner signer;

    StaffAuditSeal(JdbcTemplate jdbc, CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.signer = signer;
    }

    /** Call before inserting into staff_audit, in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", AuditChain.STAFF_AUDIT_LOCK);
    }

    /**
     * Seals every staff_audit row after the last sealed one, in id order (rows from before the chain existed
     * included). Returns how many it sealed.
     */
    @Transactional
    public int sealPending() {
        lock();
        List<byte[]> last = jdbc.query(
                "select hash from staff_audit_seal order by audit_id desc limit 1", (rs, n) -> rs.getBytes(1));
        byte[] previous = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
        List<Object[]> seals = new ArrayList<>();
        byte[][] running = {previous};
        jdbc.query(
                "select " + AuditChain.AUDIT_COLUMNS + " from staff_audit a"
                        + " where a.id > coalesce((select max(audit_id) from staff_audit_seal), 0) order by a.id",
                rs -> {
                    byte[] hash = AuditChain.auditHash(running[0], rs, 1);
                    seals.add(new Object[] {rs.getLong(1), running[0], hash});
                    running[0] = hash;
                });
        if (!seals.isEmpty()) {
            jdbc.batchUpdate("insert into staff_audit_seal (audit_id, previous_hash, hash) values (?, ?, ?)", seals);
        }
        signer.signHead(AuditTrailVerification.Chain.STAFF_AUDIT);
        return seals.size();
    }
}
