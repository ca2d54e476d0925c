package org.carelog.api.practitioner;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;

/**
 * A Bangladesh Medical and Dental Council registration number: {@code A-12345} for doctors with an
 * MBBS, {@code D-1234} for dentists with a BDS. Read as people write it: either case, with a hyphen,
 * a space or nothing after the letter, Bangla digits, leading zeros (which are dropped). The accepted
 * shape is {@code [AD][- ]?[0-9]{1,6}} with at least one non-zero digit; stored as {@code A-12345}.
 */
public record BmdcNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("([AD])[- ]?0*([1-9][0-9]{0,5})");

    public static BmdcNumber parse(String raw) {
        String text = raw == null ? "" : Digits.toAscii(raw.strip().toUpperCase(Locale.ROOT));
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw CarelogException.validation(
                    "number", "is not a BMDC registration number (A-12345 for doctors, D-1234 for dentists)");
        }
        return new BmdcNumber(m.group(1) + "-" + m.group(2));
    }

    /** True for a dental (D-) registration. */
    public boolean dental() {
        return value.startsWith("D");
    }

    @Override
    public String toString() {
        return value;
    }
}
