package org.carelog.infra.telemedicine;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.carelog.command.telemedicine.VideoRooms;
import org.carelog.infra.telemedicine.ParticipantIdentities.Identity;
import org.springframework.stereotype.Component;

/**
 * The default video adapter: Jitsi Meet with token authentication. A room is 160 random bits (40 hex
 * characters): knowing it admits nobody, since the server asks for a token. Each participant gets an HS256 JWT
 * with the claims Jitsi's token authentication checks: {@code aud}, {@code iss} (the app id), {@code sub} (the
 * domain), {@code room}, {@code nbf}/{@code exp} (the join window) and {@code context.user} (id, name, and moderator
 * for the clinician only). The room address carries it as {@code ?jwt=}.
 */
@Component
class JitsiVideoRooms implements VideoRooms {

    private static final int ROOM_BYTES = 20;

    private final TelemedicineProperties.Jitsi jitsi;
    private final ParticipantIdentities identities;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final MACSigner signer;

    JitsiVideoRooms(TelemedicineProperties properties, ParticipantIdentities identities, Clock clock) {
        this.jitsi = properties.jitsi();
        this.identities = identities;
        this.clock = clock;
        try {
            this.signer = new MACSigner(jitsi.appSecret().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("carelog.telemedicine.jitsi.app-secret is not a usable HS256 key", e);
        }
    }

    @Override
    public String newRoom() {
        byte[] bytes = new byte[ROOM_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public URI admit(ConsultationAccess access) {
        String base = jitsi.serverUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/" + access.room() + "?jwt=" + token(access, identities.of(access)));
    }

    String token(ConsultationAccess access, Identity who) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", who.id());
        user.put("name", who.name());
        user.put("moderator", who.moderator());
        user.put("affiliation", who.moderator() ? "owner" : "member");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(jitsi.audience())
                .issuer(jitsi.appId())
                .subject(jitsi.subject())
                .claim("room", access.room())
                .issueTime(Date.from(clock.instant()))
                .notBeforeTime(Date.from(access.windowOpens()))
                .expirationTime(Date.from(access.windowCloses()))
                .claim("context", Map.of("user", user))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("The join token could not be signed", e);
        }
        return jwt.serialize();
    }
}
