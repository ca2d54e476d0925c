package org.carelog.api.practitioner;

import java.time.LocalDate;

/** A doctor's BMDC registration and the last day it is valid (it is renewed every few years). */
public record BmdcRegistration(BmdcNumber number, LocalDate expiresOn) {

    /** True when {@code today} is after the last valid day. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expiresOn);
    }
}
