package org.carelog.api.practitioner;

import org.carelog.api.common.ShortCodes;

/**
 * A service point's short code, unique in the facility, printed as the prefix of its tokens
 * ({@code MED1-042}): 2 to 10 upper-case Latin letters or digits starting with a letter. Typed in any case.
 */
public record ServicePointCode(String value) {

    public static ServicePointCode parse(String raw) {
        return new ServicePointCode(ShortCodes.parse("code", raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
