package org.carelog.infra.communication;

/**
 * How an SMS text is encoded and into how many parts it is split. Plain text fits the GSM 03.38 7-bit alphabet:
 * 160 septets in one message, 153 per part of a concatenated one (the user data header takes 7), and the extension
 * characters ({@code ^ { } \ [ ~ ] | €} and form feed) take two septets, never split across parts. Anything else,
 * Bangla included, is sent as UCS-2: 70 characters in one message, 67 per part, a surrogate pair (an emoji) never
 * split.
 */
public final class SmsSegments {

    public enum Encoding {
        GSM7,
        UCS2
    }

    /** The encoding, its length in septets (GSM-7) or UTF-16 units (UCS-2), and the number of parts. */
    public record Count(Encoding encoding, int length, int parts) {}

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public static Count of(String text) {
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Count gsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= 160) {
            return new Count(Encoding.GSM7, septets, septets == 0 ? 0 : 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > 153) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return new Count(Encoding.GSM7, septets, parts);
    }

    private static Count ucs2(String text) {
        int units = text.length();
        if (units <= 70) {
            return new Count(Encoding.UCS2, units, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + size > 67) {
                parts++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new Count(Encoding.UCS2, units, parts);
    }
}
