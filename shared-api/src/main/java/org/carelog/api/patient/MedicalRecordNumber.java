package org.carelog.api.patient;

import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable medical record number: facility prefix, a sequence number that is never reused,
 * and a Luhn check digit that catches a mistyped or transposed digit, e.g. {@code CLG-00000427}.
 */
public record MedicalRecordNumber(String value) {

    private static final int DIGITS = 7;

    public static MedicalRecordNumber of(String prefix, long sequence) {
        if (sequence <= 0) {
            throw new IllegalArgumentException("MRN sequence must be positive");
        }
        String body = String.format(Locale.ROOT, "%0" + DIGITS + "d", sequence);
        return new MedicalRecordNumber(prefix.toUpperCase(Locale.ROOT) + "-" + body + luhnDigit(body));
    }

    /** The sequence part, for ordering. */
    public long sequence() {
        String digits = value.substring(value.lastIndexOf('-') + 1);
        return Long.parseLong(digits.substring(0, digits.length() - 1));
    }

    /**
     * Reads an MRN as people type it: any case, with or without the hyphen or spaces. Empty when the
     * text is not an MRN or its check digit is wrong.
     */
    public static Optional<MedicalRecordNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        int firstDigit = 0;
        while (firstDigit < compact.length() && !Character.isDigit(compact.charAt(firstDigit))) {
            firstDigit++;
        }
        String prefix = compact.substring(0, firstDigit);
        String digits = compact.substring(firstDigit);
        if (prefix.isEmpty() || !prefix.matches("[A-Z]{2,6}") || !digits.matches("\\d{" + (DIGITS + 1) + ",}")) {
            return Optional.empty();
        }
        String body = digits.substring(0, digits.length() - 1);
        if (luhnDigit(body) != digits.charAt(digits.length() - 1) - '0') {
            return Optional.empty();
        }
        return Optional.of(new MedicalRecordNumber(prefix + "-" + digits));
    }

    static int luhnDigit(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
