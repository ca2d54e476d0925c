package org.carelog.infra.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.carelog.api.common.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
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
    SecurityFilterChain api(
            HttpSecurity http,
            AccessTokens tokens,
            Sessions sessions,
            SecurityProperties properties,
            GraphiqlPolicy graphiql)
            throws Exception {
        return http.csrf(csrf -> csrf.disable()) // no cookies or sessions: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/graphiql", "/graphiql/**", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationDetailsSource(SignInDetails.SOURCE))
                .oauth2ResourceServer(
                        jwt -> jwt.authenticationManagerResolver(issuers(tokens, sessions, properties.oidc())))
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

    /** Carelog's own tokens by their issuer; an external issuer's only when one is configured. */
    private static AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> issuers(
            AccessTokens tokens, Sessions sessions, SecurityProperties.Oidc oidc) {
        Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
        AuthenticationManager own = manager(tokens.decoder(), AccessTokens.ROLE_CLAIM, "sub");
        // Carelog's own tokens are only as good as their session: checked on every request.
        managers.put(
                tokens.issuer(),
                bearer -> sessions.check(((JwtAuthenticationToken) own.authenticate(bearer)).getToken()));
        String external = oidc.issuerUri() == null ? null : oidc.issuerUri().toString();
        return new JwtIssuerAuthenticationManagerResolver(issuer -> {
            if (issuer.equals(external)) {
                return managers.computeIfAbsent(
                        issuer,
                        i -> manager(JwtDecoders.fromIssuerLocation(i), oidc.rolesClaim(), oidc.usernameClaim()));
            }
            return managers.get(issuer);
        });
    }

    private static AuthenticationManager manager(JwtDecoder decoder, String rolesClaim, String usernameClaim) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new RolesFromClaim(rolesClaim, usernameClaim));
        return provider::authenticate;
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

        private static boolean isRole(String name) {
            return Stream.of(Role.values()).anyMatch(r -> r.name().equals(name));
        }
    }
}
