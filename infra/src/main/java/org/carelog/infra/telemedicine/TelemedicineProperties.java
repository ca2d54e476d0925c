package org.carelog.infra.telemedicine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Virtual consultations.
 *
 * @param joinOpensBefore participants may join from this long before the appointment's start
 * @param joinClosesAfter until this long after its end; then an unfinished consultation is missed
 * @param linkSecret the key of the HMAC that signs patients' join links (at least 32 characters); changing it
 *     invalidates every link sent
 * @param missedCheckInterval how often consultations whose window closed are marked missed
 * @param jitsi the Jitsi Meet server and its token authentication
 */
@ConfigurationProperties("carelog.telemedicine")
public record TelemedicineProperties(
        @DefaultValue("PT15M") Duration joinOpensBefore,
        @DefaultValue("PT30M") Duration joinClosesAfter,
        String linkSecret,
        @DefaultValue("PT1M") Duration missedCheckInterval,
        @DefaultValue Jitsi jitsi) {

    static final int MIN_SECRET_BYTES = 32;

    public TelemedicineProperties {
        if (linkSecret == null || linkSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("carelog.telemedicine.link-secret must be at least 32 characters");
        }
    }

    /**
     * Jitsi Meet with JWT authentication (prosody {@code authentication = "token"}).
     *
     * @param serverUrl the Jitsi Meet web address, such as {@code https://meet.example.org}
     * @param appId the token's issuer, Jitsi's {@code JWT_APP_ID} / {@code app_id}
     * @param appSecret the HS256 key, Jitsi's {@code JWT_APP_SECRET} / {@code app_secret} (at least 32 characters)
     * @param audience the token's audience, Jitsi's accepted audience ({@code jitsi} by default)
     * @param subject the token's subject: the Jitsi domain (such as {@code meet.example.org}), or {@code *}
     */
    public record Jitsi(
            @DefaultValue("https://meet.jit.si") URI serverUrl,
            @DefaultValue("carelog") String appId,
            String appSecret,
            @DefaultValue("jitsi") String audience,
            @DefaultValue("*") String subject) {

        public Jitsi {
            if (appSecret == null || appSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "carelog.telemedicine.jitsi.app-secret must be at least 32 characters (HS256)");
            }
        }
    }
}
