package org.carelog.api.patient;

import java.time.LocalDate;
import org.carelog.api.common.CarelogException;

/**
 * Date of birth, or one estimated from a stated age (common when no birth record exists); the flag
 * keeps the two apart so an estimate is never shown as a fact.
 */
public record BirthDate(LocalDate date, boolean estimated) {

    static final int OLDEST_AGE = 130;

    public static BirthDate exact(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw CarelogException.validation("birthDate", "cannot be in the future");
        }
        if (date.isBefore(today.minusYears(OLDEST_AGE))) {
            throw CarelogException.validation("birthDate", "is more than " + OLDEST_AGE + " years ago");
        }
        return new BirthDate(date, false);
    }

    /** An age in whole years, taken as the birthday falling today that many years ago. */
    public static BirthDate fromAge(int years, LocalDate today) {
        if (years < 0 || years > OLDEST_AGE) {
            throw CarelogException.validation("estimatedAge", "must be between 0 and " + OLDEST_AGE);
        }
        return new BirthDate(today.minusYears(years), true);
    }
}
