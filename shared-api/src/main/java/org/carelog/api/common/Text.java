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

    public static boolean isBlank(String raw) {
        return clean(raw) == null;
    }
}
