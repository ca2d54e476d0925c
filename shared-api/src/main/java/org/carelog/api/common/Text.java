package org.carelog.api.common;

import java.text.Normalizer;

/** Normalises human-entered text once, at the boundary. */
public final class Text {

    private Text() {}

    /**
     * NFC normalisation, trimmed, inner runs of white space folded to one space. Zero-width joiner and
     * non-joiner are kept: they change how Bangla conjuncts are written.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        String folded = nfc.replaceAll("[\\s\\u00A0]+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }

    /** Cleaned text that must be given (a reason, a note): VALIDATION on {@code field} when blank or too long. */
    public static String required(String field, String raw, int maxLength) {
        String clean = clean(raw);
        if (clean == null) {
            throw CarelogException.validation(field, "is required");
        }
        if (clean.length() > maxLength) {
            throw CarelogException.validation(field, "is longer than " + maxLength + " characters");
        }
        return clean;
    }

    public static boolean isBlank(String raw) {
        return clean(raw) == null;
    }
}
