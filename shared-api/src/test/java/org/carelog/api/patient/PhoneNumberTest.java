package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    private static final String LANDLINE = "02-9556677";

    @ParameterizedTest
    @ValueSource(strings = {"01712-345678", "+880 1712 345678", "8801712345678", "০১৭১২৩৪৫৬৭৮", " 017 1234 5678 "})
    void readsEveryCommonWayOfWritingAMobileNumber(String written) {
        assertThat(PhoneNumber.mobile(written).e164()).isEqualTo("+8801712345678");
        assertThat(PhoneNumber.any(written).e164()).isEqualTo("+8801712345678");
        assertThat(PhoneNumber.lenient(written)).contains(new PhoneNumber("+8801712345678"));
    }

    @Test
    void mobileRefusesALandlineThatAnyAccepts() {
        assertRejected(() -> PhoneNumber.mobile(LANDLINE), "phone");
        assertThat(PhoneNumber.any(LANDLINE).e164()).isEqualTo("+88029556677");
        assertThat(PhoneNumber.lenient(LANDLINE)).contains(new PhoneNumber("+88029556677"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "0171234567", "017123456789", "017-CALL-ME", "+880"})
    void rejectsGarbageAndNumbersOfTheWrongLength(String written) {
        assertRejected(() -> PhoneNumber.mobile(written), "phone");
        assertRejected(() -> PhoneNumber.any(written), "phone");
        assertThat(PhoneNumber.lenient(written)).isEmpty();
    }

    @Test
    void rejectsMissingNumbers() {
        assertRejected(() -> PhoneNumber.mobile(null), "phone");
        assertRejected(() -> PhoneNumber.any("  "), "phone");
        assertThat(PhoneNumber.lenient(null)).isEmpty();
    }

    @Test
    void printsAsE164() {
        assertThat(PhoneNumber.mobile("01712-345678")).hasToString("+8801712345678");
    }
}
