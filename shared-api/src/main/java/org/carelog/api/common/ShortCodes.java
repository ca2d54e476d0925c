package org.carelog.api.common;

import java.util.Locale;

/** Short codes people type and read on tokens and slips (department and service point codes). */
public final class ShortCodes {

    private ShortCodes() {}

    /** 2 to 10 letters or digits starting with a letter, upper-cased; otherwise VALIDATION on {@code field}. */
    public static String parse(String field, String raw) {
        String text = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!text.matches("[A-Z][A-Z0-9]{1,9}")) {
            throw CarelogException.validation(
                    field, "must be 2 to 10 letters or digits starting with a letter, such as MED");
        }
        return text;
    }
}
