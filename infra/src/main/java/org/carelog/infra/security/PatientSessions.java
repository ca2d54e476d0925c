package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.patient.PatientId;
import org.carelog.api.portal.SignedInPatient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * The server side of patients' tokens: one {@code patient_session} row per token (id = the token's
 * {@code jti}), checked on every request with the patient as registered now (an erased or merged patient's
 * sessions end, as their phone lookup row is gone).
 */
@Component
class PatientSessions {

    private final JdbcTemplate jdbc;
    private final SessionRows rows;
    private final Clock clock;
    private final PatientSignInProperties settings;

    PatientSessions(JdbcTemplate jdbc, Clock clock, PatientSignInProperties settings) {
        this.jdbc = jdbc;
        this.rows = new SessionRows(jdbc, "patient_session");
        this.clock = clock;
        this.settings = settings;
    }

    UUID open(PatientId patient, String via, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into patient_session (id, patient_id, via, created_at, last_seen_at) values (?, ?, ?, ?, ?)",
                id,
                patient.value(),
                via,
                Timestamp.from(now),
                Timestamp.from(now));
        return id;
    }

    private record State(UUID patientId, String via, Instant created, Instant lastSeen, boolean revoked) {}

    PatientAuthentication check(Jwt jwt) {
        UUID id = SessionRows.idOf(jwt);
        List<State> found = jdbc.query(
                "select s.patient_id, s.via, s.created_at, s.last_seen_at, s.revoked_at is not null"
                        + " from patient_session s where s.id = ?"
                        + " and exists (select 1 from patient_match m where m.patient_id = s.patient_id)",
                (rs, i) -> new State(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)),
                id);
        if (found.isEmpty()) {
            throw refused();
        }
        State state = found.get(0);
        Instant now = clock.instant();
        if (state.revoked()
                || !(SignedInPatient.NAME_PREFIX + state.patientId()).equals(jwt.getSubject())
                || !now.isBefore(state.created().plus(settings.sessionLifetime()))
                || !now.isBefore(state.lastSeen().plus(settings.idleTimeout()))) {
            throw refused();
        }
        rows.touch(id, state.lastSeen(), now, settings.touchInterval());
        return new PatientAuthentication(
                new SignedInPatient(new PatientId(state.patientId())), id, state.via(), state.created());
    }

    boolean revoke(String jti) {
        return rows.revoke(jti, clock.instant());
    }

    /** Ends every session of the patient but one (after a password change). */
    int revokeOthers(PatientId patient, UUID keep) {
        return jdbc.update(
                "update patient_session set revoked_at = ? where patient_id = ? and id <> ? and revoked_at is null",
                Timestamp.from(clock.instant()),
                patient.value(),
                keep);
    }

    private static InvalidBearerTokenException refused() {
        return SessionRows.refused();
    }
}
