package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-address limit on one-time codes, with a limit low enough to reach (its own application context). */
class PatientSignInLimitsTest extends SignInTestSupport {

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("carelog.portal.sign-in.address-max-codes", () -> "3");
    }

    @Test
    void oneAddressGetsThreeCodesAWindowWhateverThePhones() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> accepted =
                    postJson("/auth/patient/code", Map.of("phone", phoneOf(registeredPatient())));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        long sent = messageCount();
        HttpResponse<String> limited = postJson("/auth/patient/code", Map.of("phone", phoneOf(registeredPatient())));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(messageCount()).as("no code sent past the limit").isEqualTo(sent);
        // an unknown phone counts the same (the limit reveals nobody)
        assertThat(postJson("/auth/patient/code", Map.of("phone", "01899999999"))
                        .statusCode())
                .isEqualTo(429);
    }
}
