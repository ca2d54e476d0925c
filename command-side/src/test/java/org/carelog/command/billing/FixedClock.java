package org.carelog.command.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock standing at one instant in Dhaka. */
final class FixedClock extends Clock {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    private final Instant now;

    FixedClock(Instant now) {
        this.now = now;
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
