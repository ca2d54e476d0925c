package org.carelog.api.patient;

import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;

/**
 * Bangladesh national identity card number: 10 digits (smart card), 13 digits (older cards), or 17
 * digits (13-digit number with the birth year in front).
 */
public record NationalId(String value) {

    public static NationalId parse(String raw) {
        String digits = Digits.only(raw);
        if (digits == null || !(digits.length() == 10 || digits.length() == 13 || digits.length() == 17)) {
            throw CarelogException.validation("nationalId", "must have 10, 13 or 17 digits");
        }
        return new NationalId(digits);
    }

    @Override
    public String toString() {
        return value;
    }
}
