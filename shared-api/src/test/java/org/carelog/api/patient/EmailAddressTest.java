package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void lowerCasesTheDomainButKeepsTheLocalPartAsTyped() {
        assertThat(EmailAddress.parse("  Rahim.Uddin@Example.COM.bd ")).hasToString("Rahim.Uddin@example.com.bd");
    }

    @Test
    void acceptsPlusAddressingAndSubdomains() {
        assertThat(EmailAddress.parse("rahim+clinic@mail.dhaka.gov.bd").value())
                .isEqualTo("rahim+clinic@mail.dhaka.gov.bd");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rahim",
                "rahim@",
                "@example.com",
                "rahim@example",
                "rahim@example.c",
                "ra him@example.com",
                "rahim@@example.com",
                "a@b@example.com",
                "   "
            })
    void rejectsTextThatIsNotShapedLikeAnAddress(String typed) {
        assertRejected(() -> EmailAddress.parse(typed), "email");
    }

    @Test
    void rejectsOverlongAddresses() {
        String longLocal = "a".repeat(65) + "@example.com";
        String longDomain = "rahim@" + "d".repeat(250) + ".com";

        assertRejected(() -> EmailAddress.parse(longLocal), "email");
        assertRejected(() -> EmailAddress.parse(longDomain), "email");
        assertRejected(() -> EmailAddress.parse(null), "email");
    }
}
