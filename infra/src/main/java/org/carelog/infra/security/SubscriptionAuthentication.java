package org.carelog.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.carelog.infra.queue.BoardDisplays;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Signs in a GraphQL-over-WebSocket connection. Browsers cannot set headers on a WebSocket, so the
 * handshake is open and the client sends its credentials in the {@code connection_init} payload, as
 * {@code {"Authorization": "Bearer <token>"}} (or {@code Basic ...} for scripts): the same tokens and
 * passwords, with the same session, lockout and MFA checks, as over HTTP. A connection that does not
 * sign in is closed (4401) before any operation runs. Carelog's own bearer tokens are checked again on
 * every operation, so a revoked session or an expired token stops new subscriptions on an open socket.
 */
@Component
class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    static final String AUTHORIZATION = "Authorization";
    private static final String CREDENTIALS = SubscriptionAuthentication.class.getName() + ".credentials";
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();

    private final AuthenticationManager bearerTokens;
    private final AuthenticationManager passwords;

    private final BoardDisplays boardDisplays;

    SubscriptionAuthentication(
            BearerTokens bearerTokens, StaffAuthenticationProvider passwords, BoardDisplays boardDisplays) {
        this.bearerTokens = bearerTokens.manager();
        this.passwords = passwords::authenticate;
        this.boardDisplays = boardDisplays;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload == null ? null : payload.get(AUTHORIZATION);
        if (!(authorization instanceof String header)) {
            return Mono.error(new BadCredentialsException("connection_init carries no Authorization"));
        }
        return Mono.fromCallable(() -> {
            authenticate(header);
            session.getAttributes().put(CREDENTIALS, header);
            return Map.of();
        });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        Object header = socket.getSessionInfo().getAttributes().get(CREDENTIALS);
        if (!(header instanceof String credentials)) {
            return Mono.error(new BadCredentialsException("the connection is not signed in"));
        }
        return Mono.defer(() -> {
            // Re-checked per operation: a revoked session or expired token does not keep subscribing.
            SecurityContext context = new SecurityContextImpl(authenticate(credentials));
            return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT, context));
        });
    }

    private Authentication authenticate(String header) throws AuthenticationException {
        String value = header.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearerTokens.authenticate(
                    new BearerTokenAuthenticationToken(value.substring(7).strip()));
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decode(value.substring(6).strip());
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new BadCredentialsException("Basic credentials are user:password");
            }
            return passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        if (value.regionMatches(true, 0, BoardDisplays.SCHEME, 0, BoardDisplays.SCHEME.length())) {
            // A waiting-room display: it may read its service point's board, nothing else.
            return boardDisplays.authenticate(value.substring(BoardDisplays.SCHEME.length()));
        }
        throw new BadCredentialsException("Authorization must be Bearer, Basic or Board");
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Basic credentials are not Base64");
        }
    }
}
