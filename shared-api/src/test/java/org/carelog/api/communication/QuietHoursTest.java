package org.carelog.api.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), DHAKA);

    static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), DHAKA).toInstant();
    }

    @Test
    void anSmsInTheEveningWaitsForEightInTheMorning() {
        assertThat(NIGHT.nextAllowed(at("2026-11-24T22:15:00"))).isEqualTo(at("2026-11-25T08:00:00"));
        assertThat(NIGHT.nextAllowed(at("2026-11-24T21:00:00"))).isEqualTo(at("2026-11-25T08:00:00"));
    }

    @Test
    void anSmsAfterMidnightWaitsForTheSameMorning() {
        assertThat(NIGHT.nextAllowed(at("2026-11-25T03:00:00"))).isEqualTo(at("2026-11-25T08:00:00"));
    }

    @Test
    void theDayIsAllowed() {
        assertThat(NIGHT.nextAllowed(at("2026-11-25T08:00:00"))).isEqualTo(at("2026-11-25T08:00:00"));
        assertThat(NIGHT.nextAllowed(at("2026-11-25T20:59:59"))).isEqualTo(at("2026-11-25T20:59:59"));
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours prayers = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), DHAKA);
        assertThat(prayers.nextAllowed(at("2026-11-25T13:30:00"))).isEqualTo(at("2026-11-25T14:00:00"));
        assertThat(prayers.contains(at("2026-11-25T12:59:00"))).isFalse();
    }

    @Test
    void equalStartAndEndMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, DHAKA);
        assertThat(none.nextAllowed(at("2026-11-25T03:00:00"))).isEqualTo(at("2026-11-25T03:00:00"));
    }
}
