package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens from an external OpenID Connect issuer (a hospital's Keycloak, say) sign staff in with the
 * roles named in a claim. The issuer is a real HTTP server in this JVM serving discovery and JWKS.
 */
class ExternalIssuerTest extends IntegrationTest {

    static final RSAKey KEY = generate();
    static final HttpServer ISSUER = serve(KEY);
    static final String ISSUER_URI = "http://localhost:" + ISSUER.getAddress().getPort() + "/realms/clinic";

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        registry.add("carelog.security.oidc.issuer-uri", () -> ISSUER_URI);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void aTokenFromTheConfiguredIssuerSignsInWithItsRoles() {
        JsonNode me = json(post(
                bearer(token(KEY, ISSUER_URI, "dr.rahman", List.of("DOCTOR", "offline_access"))),
                "{ me { username role } }",
                Map.of()));
        assertThat(me.at("/data/me/username").asText()).isEqualTo("dr.rahman");
        assertThat(me.at("/data/me/role").asText()).isEqualTo("DOCTOR");
        JsonNode patients = json(post(
                bearer(token(KEY, ISSUER_URI, "dr.rahman", List.of("DOCTOR"))),
                "{ patients(first: 1) { edges { cursor } } }",
                Map.of()));
        assertThat(patients.path("errors").isMissingNode()).isTrue();
    }

    @Test
    void aTokenWithoutACarelogRoleMayNotReadPatients() {
        JsonNode patients = json(post(
                bearer(token(KEY, ISSUER_URI, "visitor", List.of("offline_access"))),
                "{ patients(first: 1) { edges { cursor } } }",
                Map.of()));
        assertThat(patients.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrFromAnotherIssuerIsRefused() {
        assertThat(post(
                                bearer(token(generate(), ISSUER_URI, "mallory", List.of("ADMIN"))),
                                "{ me { username } }",
                                Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                bearer(token(KEY, "http://localhost:1/realms/other", "mallory", List.of("ADMIN"))),
                                "{ me { username } }",
                                Map.of())
                        .statusCode())
                .isEqualTo(401);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String token(RSAKey key, String issuer, String username, List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("subject-" + username)
                    .claim("preferred_username", username)
                    .claim("roles", roles)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("key-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            String base = "http://localhost:" + server.getAddress().getPort() + "/realms/clinic";
            respond(
                    server,
                    "/realms/clinic/.well-known/openid-configuration",
                    JSON.writeValueAsString(Map.of(
                            "issuer",
                            base,
                            "jwks_uri",
                            base + "/certs",
                            "subject_types_supported",
                            List.of("public"),
                            "id_token_signing_alg_values_supported",
                            List.of("RS256"),
                            "response_types_supported",
                            List.of("code"),
                            "authorization_endpoint",
                            base + "/auth",
                            "token_endpoint",
                            base + "/token")));
            respond(server, "/realms/clinic/certs", new JWKSet(key.toPublicJWK()).toString());
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpServer server, String path, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
