package org.carelog.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.carelog.api.common.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every GraphQL operation needs a signed-in user: HTTP Basic for scripts, bearer JWTs for
 * applications (Carelog's own, or from an external OpenID Connect issuer). Roles are checked per
 * operation by method security; the health endpoint and the GraphiQL page are open. Password sign-in
 * goes through {@link StaffAuthenticationProvider} (lockout, TOTP), Carelog's tokens through {@link
 * Sessions}; an external issuer's tokens live as long as that issuer says.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokens bearerTokens, GraphiqlPolicy graphiql) throws Exception {
        return http.csrf(csrf -> csrf.disable()) // no cookies or sessions: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/graphiql", "/graphiql/**", "/error")
                        .permitAll()
                        // The waiting-room board page is static; it signs in over the WebSocket with its display
                        // credential, kept in the page's URL fragment.
                        .requestMatchers("/board/**")
                        .permitAll()
                        // A pharmacist scanning a printed prescription's QR code has no account; the reference is
                        // unguessable and the answer shows no patient data (PrescriptionDocuments).
                        .requestMatchers("/verify/prescriptions/*")
                        .permitAll()
                        // A patient's video consultation link: the token in the path is their credential, signed by
                        // Carelog and checked before anything happens (TelemedicineJoinController).
                        .requestMatchers("/telemedicine/join/**")
                        .permitAll()
                        // The SMS gateway's delivery reports carry the shared secret instead (DeliveryReports).
                        .requestMatchers("/communication/sms/delivery-reports")
                        .permitAll()
                        // A WebSocket handshake cannot carry headers from a browser: the connection signs in
                        // with its first message instead (SubscriptionAuthentication).
                        .requestMatchers(SecurityConfiguration::graphQlWebSocketHandshake)
                        .permitAll()
                        // A patient signs in with a one-time code or a password (PatientSignInController).
                        .requestMatchers(HttpMethod.POST, PatientSignInController.OPEN_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationDetailsSource(SignInDetails.SOURCE))
                .oauth2ResourceServer(jwt -> jwt.authenticationManagerResolver(bearerTokens.resolver()))
                .headers(headers -> headers.frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> {})
                        .cacheControl(c -> {})
                        // sent on HTTPS requests only (a browser ignores it over HTTP)
                        .httpStrictTransportSecurity(
                                h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(graphiql.headerWriter()))
                .build();
    }

    static boolean graphQlWebSocketHandshake(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && "/graphql".equals(request.getRequestURI())
                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Bean
    StaffAuthenticationProvider staffAuthentication(
            StaffAccounts accounts, Lockout lockout, Mfa mfa, PasswordEncoder passwords) {
        return new StaffAuthenticationProvider(
                accounts,
                lockout,
                mfa,
                passwords.encode(java.util.UUID.randomUUID().toString()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix lets stronger hashes replace it as users sign in.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Maps a token's role claim (a string or a list) to Carelog roles; unknown names are ignored. */
    record RolesFromClaim(String rolesClaim, String usernameClaim)
            implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Object claim = jwt.getClaims().get(rolesClaim);
            Stream<String> names = claim instanceof Collection<?> list
                    ? list.stream().map(String::valueOf)
                    : claim == null ? Stream.empty() : Stream.of(String.valueOf(claim));
            List<GrantedAuthority> authorities = names.filter(RolesFromClaim::isRole)
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                    .toList();
            String name = jwt.getClaimAsString(usernameClaim);
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        }

        /** Staff roles only: PATIENT comes from a patient sign-in alone, never from a token's claim. */
        private static boolean isRole(String name) {
            return Stream.of(Role.values()).filter(r -> r != Role.PATIENT).anyMatch(r -> r.name()
                    .equals(name));
        }
    }
}
