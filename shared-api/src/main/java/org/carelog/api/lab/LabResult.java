package org.carelog.api.lab;

import java.math.BigDecimal;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;

/**
 * One result as entered: the value as written (numeric or text), its unit, the reference range it is read
 * against, the flag, and a comment. A numeric value with a range is flagged by the range (below the critical
 * low or above the critical high is critical), never by hand; a text result carries the flag its author gave.
 *
 * @param numeric the value as a number when it is one, else null
 */
public record LabResult(
        String value,
        BigDecimal numeric,
        String unit,
        BigDecimal referenceLow,
        BigDecimal referenceHigh,
        BigDecimal criticalLow,
        BigDecimal criticalHigh,
        String referenceText,
        ResultFlag flag,
        String comment) {

    static final int VALUE_LENGTH = 2000;
    static final int SHORT_LENGTH = 100;
    static final int COMMENT_LENGTH = 2000;

    /**
     * Validates and interprets a result as entered; VALIDATION naming the field otherwise.
     *
     * @param statedFlag the flag for a text result (or a numeric one without a range); ignored when a range decides
     */
    public static LabResult interpret(
            String value,
            String unit,
            BigDecimal referenceLow,
            BigDecimal referenceHigh,
            BigDecimal criticalLow,
            BigDecimal criticalHigh,
            String referenceText,
            ResultFlag statedFlag,
            String comment) {
        Violations violations = new Violations();
        String cleanValue = violations.check("value", () -> Text.required("value", value, VALUE_LENGTH));
        String cleanUnit = Text.clean(unit);
        if (cleanUnit != null && cleanUnit.length() > SHORT_LENGTH) {
            violations.reject("unit", "is longer than " + SHORT_LENGTH + " characters");
        }
        String cleanReference = Text.clean(referenceText);
        if (cleanReference != null && cleanReference.length() > SHORT_LENGTH) {
            violations.reject("referenceText", "is longer than " + SHORT_LENGTH + " characters");
        }
        String cleanComment = Text.clean(comment);
        if (cleanComment != null && cleanComment.length() > COMMENT_LENGTH) {
            violations.reject("comment", "is longer than " + COMMENT_LENGTH + " characters");
        }
        if (referenceLow != null && referenceHigh != null && referenceLow.compareTo(referenceHigh) > 0) {
            violations.reject("referenceLow", "is above referenceHigh");
        }
        if (criticalLow != null && referenceLow != null && criticalLow.compareTo(referenceLow) > 0) {
            violations.reject("criticalLow", "is above referenceLow");
        }
        if (criticalHigh != null && referenceHigh != null && criticalHigh.compareTo(referenceHigh) < 0) {
            violations.reject("criticalHigh", "is below referenceHigh");
        }
        violations.throwIfAny();
        BigDecimal numeric = number(cleanValue);
        boolean ranged = referenceLow != null || referenceHigh != null || criticalLow != null || criticalHigh != null;
        ResultFlag flag;
        if (numeric != null && ranged) {
            if (cleanUnit == null) {
                throw CarelogException.validation("unit", "is required for a numeric result with a reference range");
            }
            flag = flag(numeric, referenceLow, referenceHigh, criticalLow, criticalHigh);
        } else if (statedFlag != null) {
            flag = statedFlag;
        } else {
            throw CarelogException.validation(
                    "flag", "is required for a result without a numeric value and reference range");
        }
        return new LabResult(
                cleanValue,
                numeric,
                cleanUnit,
                referenceLow,
                referenceHigh,
                criticalLow,
                criticalHigh,
                cleanReference,
                flag,
                cleanComment);
    }

    /** The flag a numeric value gets from its ranges: critical first, then outside the reference range. */
    static ResultFlag flag(
            BigDecimal value, BigDecimal low, BigDecimal high, BigDecimal criticalLow, BigDecimal criticalHigh) {
        if (criticalLow != null && value.compareTo(criticalLow) < 0) {
            return ResultFlag.CRITICAL_LOW;
        }
        if (criticalHigh != null && value.compareTo(criticalHigh) > 0) {
            return ResultFlag.CRITICAL_HIGH;
        }
        if (low != null && value.compareTo(low) < 0) {
            return ResultFlag.LOW;
        }
        if (high != null && value.compareTo(high) > 0) {
            return ResultFlag.HIGH;
        }
        return ResultFlag.NORMAL;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(Digits.toAscii(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean abnormal() {
        return flag.abnormal();
    }
}
