package org.carelog.infra.audit;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rule both sealers use for a missing position of an append-only table (an event's global index, an access-log
 * id): positions are drawn before commit, so a higher one can commit first, and a failed insert leaves one unused
 * for good. A missing position is a gap only once every transaction open when it was first seen has ended and it
 * is still empty: the transaction that drew it was one of those. Remembers when this node first saw each one.
 */
final class Gaps {

    private final Map<Long, Timestamp> firstSeen = new HashMap<>();
    private final String existsQuery;

    /** @param existsQuery a query with one parameter, the position, answering whether a row holds it */
    Gaps(String existsQuery) {
        this.existsQuery = existsQuery;
    }

    /** Forgets positions at or below the sealed head. */
    void sealedUpTo(long position) {
        firstSeen.keySet().removeIf(p -> p <= position);
    }

    /** Whether no row will ever hold this position; false the first time it is seen missing. */
    boolean permanent(JdbcTemplate jdbc, long position) {
        Timestamp seen = firstSeen.get(position);
        if (seen == null) {
            firstSeen.put(position, jdbc.queryForObject("select clock_timestamp()", Timestamp.class));
            return false;
        }
        boolean olderTransactionsEnded = Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from pg_stat_activity where datname = current_database()"
                        + " and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start <= ?)",
                Boolean.class,
                seen));
        return olderTransactionsEnded
                && Boolean.FALSE.equals(jdbc.queryForObject(existsQuery, Boolean.class, position));
    }
}
