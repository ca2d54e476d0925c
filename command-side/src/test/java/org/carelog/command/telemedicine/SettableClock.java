package org.carelog.command.telemedicine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock in Dhaka that tests set by hand. */
final class SettableClock extends Clock {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    private Instant now;

    SettableClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return DHAKA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
