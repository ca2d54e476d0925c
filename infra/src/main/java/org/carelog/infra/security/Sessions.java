package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The server side of Carelog's own tokens: one {@code staff_session} row per token (id = the token's
 * {@code jti}). Every bearer request is checked against it and against the account as it is now, so
 * logout, revocation, disabling and role changes take effect on the next request.
 */
@Component
class Sessions {

    private final JdbcTemplate jdbc;
    private final SessionRows rows;
    private final Clock clock;
    private final SecurityProperties.Session settings;

    Sessions(JdbcTemplate jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.rows = new SessionRows(jdbc, "staff_session");
        this.clock = clock;
        this.settings = properties.session();
    }

    Duration absoluteLifetime() {
        return settings.absoluteLifetime();
    }

    UUID open(String username, Role role, boolean enrollmentOnly, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into staff_session (id, username, role, enrollment_only, created_at, last_seen_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                id,
                username,
                role.name(),
                enrollmentOnly,
                Timestamp.from(now),
                Timestamp.from(now));
        return id;
    }

    private record State(
            String username,
            Role sessionRole,
            boolean enrollmentOnly,
            Instant created,
            Instant lastSeen,
            boolean revoked,
            Role currentRole,
            boolean enabled) {}

    /** The signed-in user behind a valid token of a live session, with the rights they have now. */
    JwtAuthenticationToken check(Jwt jwt) {
        UUID id = SessionRows.idOf(jwt);
        List<State> found = jdbc.query(
                "select s.username, s.role, s.enrollment_only, s.created_at, s.last_seen_at, s.revoked_at is not null,"
                        + " u.role, u.enabled from staff_session s"
                        + " join staff_user u on lower(u.username) = lower(s.username) where s.id = ?",
                (rs, i) -> new State(
                        rs.getString(1),
                        Role.valueOf(rs.getString(2)),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6),
                        Role.valueOf(rs.getString(7)),
                        rs.getBoolean(8)),
                id);
        if (found.isEmpty()) {
            throw refused();
        }
        State state = found.get(0);
        Instant now = clock.instant();
        if (state.revoked()
                || !state.enabled()
                || state.currentRole() != state.sessionRole()
                || !now.isBefore(state.created().plus(settings.absoluteLifetime()))
                || !now.isBefore(state.lastSeen().plus(settings.idleTimeoutFor(state.currentRole())))) {
            throw refused();
        }
        rows.touch(id, state.lastSeen(), now, settings.touchInterval());
        GrantedAuthority authority = new SimpleGrantedAuthority(
                state.enrollmentOnly() ? SignedInStaff.ENROLLMENT_ONLY : "ROLE_" + state.currentRole());
        return new JwtAuthenticationToken(jwt, List.of(authority), state.username());
    }

    boolean revoke(String jti) {
        return rows.revoke(jti, clock.instant());
    }

    int revokeAll(String username) {
        return jdbc.update(
                "update staff_session set revoked_at = ? where lower(username) = lower(?) and revoked_at is null",
                Timestamp.from(clock.instant()),
                username);
    }

    private static InvalidBearerTokenException refused() {
        return SessionRows.refused();
    }
}
