package org.carelog.infra.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.practitioner.ServicePointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials of waiting-room displays. A wall screen cannot sign in as a person (no password typed per
 * screen, no MFA, no idle timeout), so an administrator creates one credential per display: a random
 * secret that can read one service point's board and nothing else, valid until revoked. Only its
 * SHA-256 hash is stored; the secret is shown once.
 */
@Component
public class BoardDisplays {

    /** The scheme of a display's credential in a WebSocket connection_init payload. */
    public static final String SCHEME = "Board ";

    static final String AUTHORITY = "BOARD_DISPLAY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BoardDisplays(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One display: its id, service point, name, and when it was created, last used and revoked. */
    public record BoardDisplay(
            String id,
            String servicePointId,
            String name,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    /** A new display and its secret, which is not kept. */
    record Created(BoardDisplay display, String secret) {}

    @Transactional
    Created create(ServicePointId servicePoint, String name, String createdBy) {
        Boolean exists = jdbc.queryForObject(
                "select exists (select 1 from service_point_registry where service_point_id = ? and not closed)",
                Boolean.class,
                servicePoint.value());
        if (!Boolean.TRUE.equals(exists)) {
            throw CarelogException.notFound("No open service point " + servicePoint);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update(
                "insert into board_display (display_id, service_point_id, name, secret_hash, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                id,
                servicePoint.value(),
                name,
                hash(secret),
                createdBy,
                Timestamp.from(now));
        return new Created(
                new BoardDisplay(id.toString(), servicePoint.toString(), name, createdBy, now, null, null), secret);
    }

    /** Revokes a display: connections it opens from now on are refused. True when it existed. */
    boolean revoke(UUID displayId) {
        jdbc.update(
                "update board_display set revoked_at = ? where display_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()),
                displayId);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from board_display where display_id = ?)", Boolean.class, displayId));
    }

    List<BoardDisplay> list(ServicePointId servicePoint) {
        return jdbc.query(
                "select * from board_display where ? is null or service_point_id = ? order by created_at",
                (rs, i) -> new BoardDisplay(
                        rs.getString("display_id"),
                        rs.getString("service_point_id"),
                        rs.getString("name"),
                        rs.getString("created_by"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))),
                servicePoint == null ? null : servicePoint.value(),
                servicePoint == null ? null : servicePoint.value());
    }

    /**
     * Signs in a display: its authorities are {@code BOARD_DISPLAY} and {@code BOARD:<service point id>},
     * no role, so every staff operation refuses it. Bad or revoked secrets fail alike.
     */
    public Authentication authenticate(String secret) {
        List<String[]> found = jdbc.query(
                "update board_display set last_used_at = ? where secret_hash = ? and revoked_at is null"
                        + " returning display_id, service_point_id",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                Timestamp.from(clock.instant()),
                hash(secret.strip()));
        if (found.isEmpty()) {
            throw new BadCredentialsException("unknown or revoked board display credential");
        }
        return new DisplayAuthentication(found.get(0)[0], found.get(0)[1]);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in display; its name is {@code board-display:<id>} in logs and metadata. */
    static final class DisplayAuthentication extends AbstractAuthenticationToken {

        private final String displayId;

        DisplayAuthentication(String displayId, String servicePointId) {
            super(List.of(
                    new SimpleGrantedAuthority(AUTHORITY), new SimpleGrantedAuthority("BOARD:" + servicePointId)));
            this.displayId = displayId;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "board-display:" + displayId;
        }
    }
}
