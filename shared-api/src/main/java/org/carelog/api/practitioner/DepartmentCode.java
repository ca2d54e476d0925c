package org.carelog.api.practitioner;

import org.carelog.api.common.ShortCodes;

/**
 * A department's short code, unique in the facility, as printed on tokens and slips: 2 to 10
 * upper-case Latin letters or digits starting with a letter, such as {@code MED}, {@code PAED} or
 * {@code OBGYN}. Typed in any case.
 */
public record DepartmentCode(String value) {

    public static DepartmentCode parse(String raw) {
        return new DepartmentCode(ShortCodes.parse("code", raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
