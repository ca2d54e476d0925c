package org.carelog.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.portal.SignedInPatient;
import org.carelog.infra.security.AccessTokens.IssuedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients sign in with their registered phone: a one-time code by SMS, or a password set after a code sign-in.
 *
 * <p>Codes: random digits, stored only as a salted SHA-256, compared in constant time, good for a few minutes
 * and for a few attempts. Attempts are counted by one atomic UPDATE per try in PostgreSQL, so parallel
 * requests, other nodes or batching cannot try more codes than a challenge allows. How many codes a phone
 * number and a client address may ask for in a window is limited too; an unknown phone gets the same answer as
 * a registered one (a challenge, no message), so the answer reveals nobody.
 *
 * <p>A phone shared by several registered patients (a family's one mobile): the code proves the phone, and the
 * holder chooses which of those patients to sign in as ({@link Outcome.Choose}); each session is one patient's.
 */
@Component
class PatientSignIn {

    private static final Logger log = LoggerFactory.getLogger(PatientSignIn.class);
    static final String VIA_CODE = "CODE";
    static final String VIA_PASSWORD = "PASSWORD";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PatientSignInProperties settings;
    private final PatientSessions sessions;
    private final AccessTokens tokens;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ObjectProvider<PatientMessaging> messaging;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    PatientSignIn(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            PatientSignInProperties settings,
            PatientSessions sessions,
            AccessTokens tokens,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            ObjectProvider<PatientMessaging> messaging) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.policy = policy;
        this.messaging = messaging;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** A code was sent (or, for an unknown phone, seemed to be): the challenge to answer. */
    record Challenge(UUID challengeId, long expiresIn) {}

    /** Too many codes asked for this phone or from this address: try again after {@code retryAfter}. */
    static final class RateLimited extends RuntimeException {
        final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("too many one-time codes requested", null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    /** One of the patients registered on a phone, for the holder to choose. */
    record Choice(String patientId, String mrn, String nameBn, String nameEn) {}

    sealed interface Outcome {
        record Issued(IssuedToken token, PatientId patientId) implements Outcome {}

        record Choose(List<Choice> patients) implements Outcome {}

        /** Wrong, expired or spent code, unknown phone, wrong password, locked: one answer for all. */
        record Refused() implements Outcome {}
    }

    Challenge requestCode(String rawPhone, String address) {
        String phone = PhoneNumber.mobile(rawPhone).e164();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String code = code();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        List<Choice> patients = transactions.execute(tx -> {
            // Serialises the counting per phone, then per address (always in this order: no deadlock).
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "otp-phone:" + phone);
            jdbc.queryForObject(
                    "select pg_advisory_xact_lock(hashtext(?))::text", String.class, "otp-address:" + address);
            limit("phone", phone, settings.phoneMaxCodes(), settings.phoneWindow(), now);
            limit("client_address", address, settings.addressMaxCodes(), settings.addressWindow(), now);
            jdbc.update(
                    "insert into patient_sign_in_challenge"
                            + " (id, phone, client_address, salt, code_hash, created_at, expires_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    phone,
                    address,
                    salt,
                    hash(salt, code),
                    Timestamp.from(now),
                    Timestamp.from(now.plus(settings.codeLifetime())));
            return patientsOn(phone);
        });
        if (!patients.isEmpty()) {
            deliver(id, new PatientId(UUID.fromString(patients.get(0).patientId())), code);
        }
        return new Challenge(id, settings.codeLifetime().toSeconds());
    }

    private void limit(String column, String value, int max, Duration window, Instant now) {
        List<Timestamp> recent = jdbc.queryForList(
                "select created_at from patient_sign_in_challenge where " + column + " = ? and created_at > ?"
                        + " order by created_at limit ?",
                Timestamp.class,
                value,
                Timestamp.from(now.minus(window)),
                max);
        if (recent.size() >= max) {
            Duration retryAfter = Duration.between(
                            now, recent.get(0).toInstant().plus(window))
                    .plusSeconds(1);
            throw new RateLimited(retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
        }
    }

    private void deliver(UUID challenge, PatientId patient, String code) {
        PatientMessaging sender = messaging.getIfAvailable();
        if (sender == null) {
            log.error("No PatientMessaging is configured: one-time code of challenge {} not sent", challenge);
            return;
        }
        try {
            sender.send(new PatientMessageRequest(
                    "otp:" + challenge,
                    patient,
                    MessageKind.ONE_TIME_CODE,
                    MessageChannel.SMS,
                    Map.of(
                            "code",
                            code,
                            "minutes",
                            Long.toString(settings.codeLifetime().toMinutes())),
                    Set.of("code")));
        } catch (CarelogException e) {
            // The answer must not differ: the caller learns nothing of the patient from it.
            log.warn("One-time code of challenge {} not sent: {}", challenge, e.getMessage());
        }
    }

    private record Attempt(String phone, byte[] salt, byte[] codeHash) {}

    Outcome verifyCode(String challengeId, String code, String patientId) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(challengeId));
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // One attempt is spent here, atomically, before the code is even compared.
        List<Attempt> attempt = jdbc.query(
                "update patient_sign_in_challenge set attempts = attempts + 1"
                        + " where id = ? and consumed_at is null and expires_at > ? and attempts < ?"
                        + " returning phone, salt, code_hash",
                (rs, i) -> new Attempt(rs.getString(1), rs.getBytes(2), rs.getBytes(3)),
                id,
                Timestamp.from(now),
                settings.maxAttempts());
        if (attempt.isEmpty()) {
            return new Outcome.Refused();
        }
        Attempt a = attempt.get(0);
        if (code == null || !MessageDigest.isEqual(hash(a.salt(), code.strip()), a.codeHash())) {
            return new Outcome.Refused();
        }
        Optional<Outcome> chosen = choose(patientsOn(a.phone()), patientId);
        if (chosen.isPresent() && !(chosen.get() instanceof Outcome.Issued)) {
            return chosen.get();
        }
        if (chosen.isEmpty()) {
            return new Outcome.Refused();
        }
        int consumed = jdbc.update(
                "update patient_sign_in_challenge set consumed_at = ? where id = ? and consumed_at is null",
                Timestamp.from(now),
                id);
        if (consumed != 1) {
            return new Outcome.Refused(); // a parallel request used it first
        }
        return issue(((Outcome.Issued) chosen.get()).patientId(), VIA_CODE, now);
    }

    /**
     * Which patient of the phone: the one asked for if the phone is theirs, the only one, or a choice to make.
     * An Issued outcome here carries only the chosen patient (the token is made by the caller).
     */
    private static Optional<Outcome> choose(List<Choice> patients, String wanted) {
        if (patients.isEmpty()) {
            return Optional.empty();
        }
        if (wanted != null && !wanted.isBlank()) {
            return patients.stream()
                    .filter(p -> p.patientId().equalsIgnoreCase(wanted.strip()))
                    .findFirst()
                    .map(p -> new Outcome.Issued(null, new PatientId(UUID.fromString(p.patientId()))));
        }
        if (patients.size() == 1) {
            return Optional.of(new Outcome.Issued(
                    null, new PatientId(UUID.fromString(patients.get(0).patientId()))));
        }
        return Optional.of(new Outcome.Choose(patients));
    }

    private record PasswordRow(UUID patientId, String hash, int failures, Timestamp lockedUntil) {}

    Outcome signInWithPassword(String rawPhone, String password, String patientId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String phone = PhoneNumber.lenient(rawPhone).map(PhoneNumber::e164).orElse("");
        List<PasswordRow> rows = jdbc.query(
                "select a.patient_id, a.password_hash, a.failed_sign_ins, a.locked_until from patient_account a"
                        + " join patient_match m on m.patient_id = a.patient_id"
                        + " where m.phone = ? and a.password_hash is not null",
                (rs, i) ->
                        new PasswordRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getTimestamp(4)),
                phone);
        PasswordRow row = null;
        if (patientId != null && !patientId.isBlank()) {
            row = rows.stream()
                    .filter(r -> r.patientId().toString().equalsIgnoreCase(patientId.strip()))
                    .findFirst()
                    .orElse(null);
        } else if (rows.size() == 1) {
            row = rows.get(0);
        }
        String given = password == null ? "" : password;
        if (row == null) {
            passwords.matches(given, dummyHash); // the same time as for a real patient
            return new Outcome.Refused();
        }
        boolean matches = passwords.matches(given, row.hash());
        if (row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(now)) {
            return new Outcome.Refused();
        }
        if (!matches) {
            jdbc.update(
                    "update patient_account set"
                            + " locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end,"
                            + " failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end"
                            + " where patient_id = ?",
                    settings.passwordMaxFailures(),
                    Timestamp.from(now.plus(settings.passwordLock())),
                    settings.passwordMaxFailures(),
                    row.patientId());
            return new Outcome.Refused();
        }
        jdbc.update(
                "update patient_account set failed_sign_ins = 0, locked_until = null where patient_id = ?",
                row.patientId());
        return issue(new PatientId(row.patientId()), VIA_PASSWORD, now);
    }

    /** Sets the signed-in patient's password: only soon after a code sign-in (the phone was just proved). */
    Instant setPassword(PatientAuthentication user, String password) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!VIA_CODE.equals(user.via()) || !now.isBefore(user.signedInAt().plus(settings.passwordChangeWindow()))) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.FORBIDDEN,
                    "Sign in with a code sent to your phone first; then set your password within "
                            + settings.passwordChangeWindow().toMinutes() + " minutes",
                    null,
                    null));
        }
        policy.problem(user.getName(), password).ifPresent(problem -> {
            throw CarelogException.validation("password", problem);
        });
        PatientId patient = user.getPrincipal().patientId();
        jdbc.update(
                "insert into patient_account (patient_id, password_hash, password_set_at) values (?, ?, ?)"
                        + " on conflict (patient_id) do update set password_hash = excluded.password_hash,"
                        + " password_set_at = excluded.password_set_at, failed_sign_ins = 0, locked_until = null",
                patient.value(),
                passwords.encode(password),
                Timestamp.from(now));
        sessions.revokeOthers(patient, user.session());
        return now;
    }

    private Outcome.Issued issue(PatientId patient, String via, Instant now) {
        UUID session = sessions.open(patient, via, now);
        return new Outcome.Issued(
                tokens.issueForPatient(new SignedInPatient(patient), session, now, settings.sessionLifetime()),
                patient);
    }

    /** The registered patients whose phone this is, oldest record first. */
    private List<Choice> patientsOn(String phone) {
        return jdbc.query(
                "select patient_id, mrn, name_bn, name_en from patient_match where phone = ? order by mrn",
                (rs, i) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                phone);
    }

    private String code() {
        long bound = (long) Math.pow(10, settings.codeLength());
        String digits = Long.toString(random.nextLong(bound));
        return "0".repeat(settings.codeLength() - digits.length()) + digits;
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
