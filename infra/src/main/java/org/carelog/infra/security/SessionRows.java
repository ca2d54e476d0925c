package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * What staff sessions ({@code staff_session}) and patients' sessions ({@code patient_session}) do alike: a
 * token's session id, one refusal for every reason, the throttled last-seen update and revocation.
 */
final class SessionRows {

    private final JdbcTemplate jdbc;
    private final String table;

    SessionRows(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The session id a token carries (its {@code jti}); refused when it is not one. */
    static UUID idOf(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getId());
        } catch (RuntimeException e) {
            throw refused();
        }
    }

    /** One answer for every reason: a client learns nothing about which check failed. */
    static InvalidBearerTokenException refused() {
        return new InvalidBearerTokenException("The session has ended; sign in again");
    }

    /** Records the session as seen now, at most once per {@code interval}. */
    void touch(UUID id, Instant lastSeen, Instant now, Duration interval) {
        if (!now.isBefore(lastSeen.plus(interval))) {
            jdbc.update(
                    "update " + table + " set last_seen_at = ? where id = ? and last_seen_at < ?",
                    Timestamp.from(now),
                    id,
                    Timestamp.from(now));
        }
    }

    /** Ends the session of this token id; false when it was not live (or not an id). */
    boolean revoke(String jti, Instant now) {
        try {
            return jdbc.update(
                            "update " + table + " set revoked_at = ? where id = ? and revoked_at is null",
                            Timestamp.from(now),
                            UUID.fromString(jti))
                    == 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
