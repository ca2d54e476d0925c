package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirthRegistrationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"20012695012345678", "2001 2695 0123 45678", "2001-2695-0123-45678", "২০০১২৬৯৫০১২৩৪৫৬৭৮"})
    void acceptsSeventeenDigits(String written) {
        assertThat(BirthRegistrationNumber.parse(written)).hasToString("20012695012345678");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1234567890", "1234567890123", "2001269501234567", "200126950123456789", "2001269501234567X"})
    void rejectsAnythingButSeventeenDigits(String written) {
        assertRejected(() -> BirthRegistrationNumber.parse(written), "birthRegistrationNumber");
    }

    @Test
    void rejectsAMissingNumber() {
        assertRejected(() -> BirthRegistrationNumber.parse(""), "birthRegistrationNumber");
    }
}
