package org.carelog.infra.axon;

import java.util.Optional;
import org.carelog.command.common.IdempotencyStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys in PostgreSQL, written in the command's transaction. The primary key on (user,
 * key) makes a concurrent repeat wait for the first and then read its outcome.
 */
@Component
class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;

    JdbcIdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Outcome> claim(String username, String key, String commandName) {
        int inserted = jdbc.update(
                "insert into command_idempotency (username, idempotency_key, command_name) values (?, ?, ?)"
                        + " on conflict do nothing",
                username,
                key,
                commandName);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject(
                "select command_name, result, result_type, result_revision from command_idempotency"
                        + " where username = ? and idempotency_key = ?",
                (rs, i) -> new Outcome(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4)),
                username,
                key));
    }

    @Override
    public void complete(String username, String key, byte[] result, String resultType, String resultRevision) {
        jdbc.update(
                "update command_idempotency set result = ?, result_type = ?, result_revision = ?"
                        + " where username = ? and idempotency_key = ?",
                result,
                resultType,
                resultRevision,
                username,
                key);
    }
}
