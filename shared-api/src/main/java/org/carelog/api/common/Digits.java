package org.carelog.api.common;

/** Reads identity numbers as people write them: spaces and hyphens ignored, Bangla digits accepted. */
public final class Digits {

    private Digits() {}

    /** The ASCII digits of {@code raw}, or null when it holds anything but digits, spaces and hyphens. */
    public static String only(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                out.append(Character.digit(cp, 10));
            } else if (cp != ' ' && cp != '-') {
                return null;
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The text with every decimal digit of any script (Bangla ০-৯ included) replaced by its ASCII digit. */
    public static String toAscii(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                out.append(Character.digit(cp, 10));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
