package org.carelog.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key's sources, and the retention rule's arithmetic. */
class MasterKeyTest {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    @TempDir
    Path work;

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyAndReadBackAsTheSameKey() throws Exception {
        Path file = work.resolve("keys/master.key");
        PrivacyProperties properties = new PrivacyProperties(null, file, Period.ZERO, 10);

        Aead first = MasterKey.load(properties);
        Aead second = MasterKey.load(properties);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] sealed = first.encrypt("x".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(second.decrypt(sealed, new byte[0])).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConfiguredKeyWinsOverTheFileAndABadOneIsRefusedWithoutEchoingIt() {
        String configured = MasterKey.generateEncoded();
        Path file = work.resolve("never-created.key");
        MasterKey.load(new PrivacyProperties(configured, file, Period.ZERO, 10));
        assertThat(file).doesNotExist();

        assertThatThrownBy(() -> MasterKey.load(new PrivacyProperties("bm90LWEta2V5c2V0", file, Period.ZERO, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("bm90LWEta2V5c2V0");
    }

    @Test
    void theRetentionRuleCountsFromTheLastActivityInTheFacilitysDays() {
        Instant lastActivity = LocalDate.of(2015, 3, 1).atStartOfDay(DHAKA).toInstant();
        Clock dayBefore =
                Clock.fixed(LocalDate.of(2025, 2, 28).atStartOfDay(DHAKA).toInstant(), ZoneOffset.UTC);
        Clock thatDay = Clock.fixed(LocalDate.of(2025, 3, 1).atStartOfDay(DHAKA).toInstant(), ZoneOffset.UTC);

        assertThat(new PeriodRetention(Period.ofYears(10), dayBefore, DHAKA).retainedUntil(lastActivity))
                .contains(LocalDate.of(2025, 3, 1));
        assertThat(new PeriodRetention(Period.ofYears(10), thatDay, DHAKA).retainedUntil(lastActivity))
                .isEmpty();
        assertThat(new PeriodRetention(Period.ZERO, dayBefore, DHAKA).retainedUntil(lastActivity))
                .isEmpty();
    }
}
