package org.carelog.api.prescription;

import java.time.LocalDate;

/**
 * How long a medicine is taken: an amount of days, weeks or months, or {@code continuing} (until stopped;
 * both amount and unit null).
 */
public record CourseDuration(Integer amount, DurationUnit unit) {

    public CourseDuration {
        if ((amount == null) != (unit == null)) {
            throw new IllegalArgumentException("a duration has both an amount and a unit, or neither (continuing)");
        }
        if (amount != null && (amount < 1 || amount > 3650)) {
            throw new IllegalArgumentException("a duration is 1 to 3650 days, weeks or months");
        }
    }

    public static CourseDuration continuing() {
        return new CourseDuration(null, null);
    }

    public boolean untilStopped() {
        return amount == null;
    }

    /** The number of days taken, or null when continuing. */
    public Integer days() {
        if (amount == null) {
            return null;
        }
        return switch (unit) {
            case DAYS -> amount;
            case WEEKS -> amount * 7;
            case MONTHS -> amount * 30;
        };
    }

    /** The last day of a course started on {@code start}; null when continuing. */
    public LocalDate lastDay(LocalDate start) {
        if (amount == null) {
            return null;
        }
        LocalDate end =
                switch (unit) {
                    case DAYS -> start.plusDays(amount);
                    case WEEKS -> start.plusWeeks(amount);
                    case MONTHS -> start.plusMonths(amount);
                };
        return end.minusDays(1);
    }
}
