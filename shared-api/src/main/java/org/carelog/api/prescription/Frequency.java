package org.carelog.api.prescription;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carelog.api.common.CarelogException;

/**
 * How often a medicine is taken, in the notation Bangladeshi doctors write: doses at morning + noon + night
 * ({@code 1+0+1}), with a fourth part for bedtime ({@code 1+1+1+1}), halves ({@code ½+0+½}) and Bangla digits
 * ({@code ১+০+১}). The stored form is the normalised notation: ASCII digits, {@code ½}, {@code ¼} and {@code
 * ¾} for fractions, no spaces.
 */
public record Frequency(String notation) {

    static final int MIN_PARTS = 2;
    static final int MAX_PARTS = 4;
    static final BigDecimal MAX_DOSE = BigDecimal.TEN;

    public Frequency {
        notation = normalise(notation);
    }

    /** Reads what a doctor typed; VALIDATION on {@code field} when it is not the notation. */
    public static Frequency parse(String field, String raw) {
        try {
            return new Frequency(raw);
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation(field, e.getMessage());
        }
    }

    /** The dose at each time of day, in order (morning, noon, night, and bedtime when given). */
    public List<BigDecimal> doses() {
        return notation.chars().anyMatch(c -> c == '+')
                ? java.util.Arrays.stream(notation.split("\\+"))
                        .map(Frequency::amount)
                        .toList()
                : List.of();
    }

    /** Doses (units) a day: the sum of the parts. */
    public BigDecimal unitsPerDay() {
        return doses().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The notation written in Bangla digits ({@code ১+০+১}), as printed for patients. */
    public String bangla() {
        StringBuilder out = new StringBuilder();
        notation.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('০' + (c - '0')) : (char) c));
        return out.toString();
    }

    @Override
    public String toString() {
        return notation;
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required, such as 1+0+1");
        }
        String text = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        String[] parts = text.split("[+＋]", -1);
        if (parts.length < MIN_PARTS || parts.length > MAX_PARTS) {
            throw new IllegalArgumentException("is not a frequency such as 1+0+1 (2 to 4 parts joined by +)");
        }
        List<String> out = new ArrayList<>();
        boolean any = false;
        for (String part : parts) {
            String p = part(part);
            BigDecimal amount = amount(p);
            if (amount.compareTo(MAX_DOSE) > 0) {
                throw new IllegalArgumentException("has a dose larger than " + MAX_DOSE + " at one time");
            }
            any |= amount.signum() > 0;
            out.add(p);
        }
        if (!any) {
            throw new IllegalArgumentException("has no dose at any time of day");
        }
        return String.join("+", out);
    }

    /** One part in normal form: ASCII digits, optionally followed by one fraction sign, or a fraction alone. */
    private static String part(String raw) {
        StringBuilder digits = new StringBuilder();
        String fraction = "";
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isDigit(c) && fraction.isEmpty()) {
                digits.append(Character.digit(c, 10));
            } else if ((c == '½' || c == '¼' || c == '¾') && fraction.isEmpty()) {
                fraction = String.valueOf(c);
            } else if (c == '.' && raw.substring(i).equals(".5") && fraction.isEmpty()) {
                fraction = "½";
                break;
            } else {
                throw new IllegalArgumentException("is not a frequency such as 1+0+1 ('" + raw + "' is not a dose)");
            }
        }
        String whole = digits.toString().replaceFirst("^0+(?=\\d)", "");
        if (whole.isEmpty() && fraction.isEmpty()) {
            throw new IllegalArgumentException("is not a frequency such as 1+0+1 (a part is empty)");
        }
        if (whole.length() > 2) {
            throw new IllegalArgumentException("is not a frequency such as 1+0+1 ('" + raw + "' is not a dose)");
        }
        return (whole.equals("0") && !fraction.isEmpty() ? "" : whole) + fraction;
    }

    private static BigDecimal amount(String part) {
        BigDecimal value = BigDecimal.ZERO;
        String digits = part.replaceAll("[½¼¾]", "");
        if (!digits.isEmpty()) {
            value = new BigDecimal(digits);
        }
        if (part.endsWith("½")) {
            value = value.add(new BigDecimal("0.5"));
        } else if (part.endsWith("¼")) {
            value = value.add(new BigDecimal("0.25"));
        } else if (part.endsWith("¾")) {
            value = value.add(new BigDecimal("0.75"));
        }
        return value;
    }
}
