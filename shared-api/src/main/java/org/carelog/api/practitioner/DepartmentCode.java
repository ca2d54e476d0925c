package org.carelog.api.practitioner;

import java.util.Locale;
import org.carelog.api.common.CarelogException;

/**
 * A department's short code, unique in the facility, as printed on tokens and slips: 2 to 10
 * upper-case Latin letters or digits starting with a letter, such as {@code MED}, {@code PAED} or
 * {@code OBGYN}. Typed in any case.
 */
public record DepartmentCode(String value) {

    public static DepartmentCode parse(String raw) {
        String text = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!text.matches("[A-Z][A-Z0-9]{1,9}")) {
            throw CarelogException.validation(
                    "code", "must be 2 to 10 letters or digits starting with a letter, such as MED");
        }
        return new DepartmentCode(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
