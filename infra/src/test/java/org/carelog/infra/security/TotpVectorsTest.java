package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOTP library against RFC 6238 appendix B (SHA-1, 8 digits, 30-second steps). */
class TotpVectorsTest {

    static final String SECRET =
            new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfcTestVectors(long unixTime, String expected) throws Exception {
        assertThat(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 8).generate(SECRET, unixTime / 30))
                .isEqualTo(expected);
    }
}
