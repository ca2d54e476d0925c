package org.carelog.infra.telemedicine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.Participant;
import org.springframework.stereotype.Component;

/**
 * The tokens of patients' join links ({@code /telemedicine/join/<token>}): the consultation, the participant
 * (patient or caregiver) and the link version, sealed by a 128-bit HMAC-SHA256 tag under {@code
 * carelog.telemedicine.link-secret}. Nothing is stored: a token cannot be forged or altered without the key, names
 * one consultation and one participant, and a rescheduling (a new version) retires the earlier links. 50
 * URL-safe characters.
 */
@Component
class JoinLinks {

    static final int TAG_BYTES = 16;
    private static final int BODY_BYTES = 16 + 1 + 4;

    /** What a valid token admits, if the consultation agrees. */
    record Link(ConsultationId consultationId, Participant participant, int version) {}

    private final SecretKeySpec key;

    JoinLinks(TelemedicineProperties properties) {
        this.key = new SecretKeySpec(
                ("carelog-join-link:" + properties.linkSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String token(ConsultationId consultation, Participant participant, int version) {
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES + TAG_BYTES);
        body.putLong(consultation.value().getMostSignificantBits());
        body.putLong(consultation.value().getLeastSignificantBits());
        body.put((byte) participant.ordinal());
        body.putInt(version);
        body.put(tag(Arrays.copyOf(body.array(), BODY_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /** The link a token stands for; empty when it is malformed or its tag does not verify. */
    Optional<Link> read(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != BODY_BYTES + TAG_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(raw, BODY_BYTES);
        if (!MessageDigest.isEqual(tag(body), Arrays.copyOfRange(raw, BODY_BYTES, raw.length))) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        UUID consultation = new UUID(in.getLong(), in.getLong());
        int participant = in.get();
        int version = in.getInt();
        if (participant < 0 || participant >= Participant.values().length) {
            return Optional.empty();
        }
        return Optional.of(new Link(new ConsultationId(consultation), Participant.values()[participant], version));
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
