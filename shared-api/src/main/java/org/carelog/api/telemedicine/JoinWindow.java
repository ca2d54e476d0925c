package org.carelog.api.telemedicine;

import java.time.Duration;
import java.time.Instant;

/**
 * When participants may join a consultation: from {@code opensBefore} its start until {@code closesAfter} its end.
 */
public record JoinWindow(Duration opensBefore, Duration closesAfter) {

    public JoinWindow {
        if (opensBefore == null || closesAfter == null || opensBefore.isNegative() || closesAfter.isNegative()) {
            throw new IllegalArgumentException("the join window's margins must be zero or more");
        }
    }

    public Instant opens(Instant start) {
        return start.minus(opensBefore);
    }

    public Instant closes(Instant end) {
        return end.plus(closesAfter);
    }
}
