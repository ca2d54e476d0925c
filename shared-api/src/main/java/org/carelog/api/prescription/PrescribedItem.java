package org.carelog.api.prescription;

import java.math.BigDecimal;

/**
 * One medicine of a prescription.
 *
 * @param medicineCode the DrugBank id of the generic, or null when it was written without one
 * @param genericName the generic name (DrugBank vocabulary)
 * @param brand a brand of the facility's formulary, or null
 * @param strength such as {@code 500 mg}
 * @param form the dose form (BD dose forms), such as {@code Tablet}
 * @param dose one dose, such as {@code 1 tablet} or {@code 5 ml}
 * @param route such as {@code oral}
 * @param frequency the doses per time of day, {@code 1+0+1}
 * @param timing before or after meals
 * @param duration how long, or continuing
 * @param quantity how much to dispense (derived from frequency and duration when not given); null when it
 *     cannot be derived and was not given
 * @param instructions free text in Bangla or English, or null
 */
public record PrescribedItem(
        String medicineCode,
        String genericName,
        String brand,
        String strength,
        String form,
        String dose,
        String route,
        Frequency frequency,
        MealTiming timing,
        CourseDuration duration,
        BigDecimal quantity,
        String instructions) {

    /**
     * Units to dispense for a course: units a day times days, when the dose is counted in units of the form
     * (a dose of "1", "1 tablet", "½") and the course is not continuing; otherwise null.
     */
    public static BigDecimal derivedQuantity(String dose, Frequency frequency, CourseDuration duration) {
        if (frequency == null || duration == null || duration.untilStopped()) {
            return null;
        }
        String d = dose == null ? "1" : dose.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^(\\d+(?:\\.\\d+)?|½|¼|¾)?\\s*(tab|tablet|tablets|cap|capsule|capsules|pc|piece|pieces|sachet|"
                                + "sachets|suppository|suppositories)?s?$")
                .matcher(d);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return null;
        }
        BigDecimal perDose = m.group(1) == null
                ? BigDecimal.ONE
                : switch (m.group(1)) {
                    case "½" -> new BigDecimal("0.5");
                    case "¼" -> new BigDecimal("0.25");
                    case "¾" -> new BigDecimal("0.75");
                    default -> new BigDecimal(m.group(1));
                };
        BigDecimal total = perDose.multiply(frequency.unitsPerDay()).multiply(BigDecimal.valueOf(duration.days()));
        return total.setScale(0, java.math.RoundingMode.CEILING);
    }
}
