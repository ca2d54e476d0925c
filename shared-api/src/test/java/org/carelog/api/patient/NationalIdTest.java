package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @ParameterizedTest
    @CsvSource({
        "1234567890, 1234567890",
        "1234567890123, 1234567890123",
        "19901234567890123, 19901234567890123",
        "'123 456 7890', 1234567890",
        "123-456-7890-123, 1234567890123",
        "১২৩৪৫৬৭৮৯০, 1234567890"
    })
    void acceptsTheThreeCardFormatsAsPeopleWriteThem(String written, String digits) {
        NationalId id = NationalId.parse(written);

        assertThat(id.value()).isEqualTo(digits);
        assertThat(id).hasToString(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678901", "123456789012", "12345678901234", "1234567890123456"})
    void rejectsOtherLengths(String written) {
        assertRejected(() -> NationalId.parse(written), "nationalId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345A7890", "NID1234567890", "1234567890.", " - "})
    void rejectsLettersAndOtherSigns(String written) {
        assertRejected(() -> NationalId.parse(written), "nationalId");
    }

    @Test
    void rejectsAMissingNumber() {
        assertRejected(() -> NationalId.parse(null), "nationalId");
    }
}
