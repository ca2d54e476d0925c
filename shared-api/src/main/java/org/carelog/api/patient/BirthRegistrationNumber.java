package org.carelog.api.patient;

import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;

/** Bangladesh birth registration number: 17 digits. */
public record BirthRegistrationNumber(String value) {

    public static BirthRegistrationNumber parse(String raw) {
        String digits = Digits.only(raw);
        if (digits == null || digits.length() != 17) {
            throw CarelogException.validation("birthRegistrationNumber", "must have 17 digits");
        }
        return new BirthRegistrationNumber(digits);
    }

    @Override
    public String toString() {
        return value;
    }
}
