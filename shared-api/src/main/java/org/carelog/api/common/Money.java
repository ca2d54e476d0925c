package org.carelog.api.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;

/**
 * An exact amount of Bangladeshi taka, never a floating-point number. The amount always has the
 * currency's ISO 4217 minor unit as its scale (2: taka and poisha), taken from joda-money's currency
 * data rather than written here. Arithmetic that falls between two poisha rounds {@link #ROUNDING
 * HALF_UP} (a half poisha goes away from zero, as cash counters and VAT receipts round); input with
 * more decimals than a poisha is refused rather than rounded, so nobody's typing is silently changed.
 * An amount may be negative (a balance, a difference); rules that need it positive say so.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final String CURRENCY = "BDT";
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final CurrencyUnit TAKA = CurrencyUnit.of(CURRENCY);

    /** What a {@code numeric(12,2)} column holds: nearly ten thousand million taka. */
    public static final BigDecimal MAX = new BigDecimal("9999999999.99");

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        amount = org.joda.money.Money.of(TAKA, amount, ROUNDING).getAmount();
        if (amount.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount " + amount + " is beyond " + MAX);
        }
    }

    public static Money taka(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money taka(long wholeTaka) {
        return new Money(BigDecimal.valueOf(wholeTaka));
    }

    /**
     * Reads an amount as staff type it: {@code 500}, {@code 500.5}, {@code 1,50,000.00} (any comma
     * grouping), Bangla digits ({@code ৫০০}), with or without {@code ৳}, {@code Tk} or {@code BDT}.
     * VALIDATION when it is not a number, has more than two decimals or is too large.
     */
    public static Money parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        text = text.replaceFirst("(?i)^(৳|tk\\.?|bdt)\\s*", "").replaceFirst("(?i)\\s*(৳|tk\\.?|bdt)$", "");
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                ascii.append(Character.digit(cp, 10));
            } else {
                ascii.appendCodePoint(cp);
            }
        });
        String plain = ascii.toString();
        if (plain.length() > 30 || !plain.matches("-?\\d+(,\\d+)*(\\.\\d+)?")) {
            throw CarelogException.validation("amount", "is not an amount in taka (for example 500 or 1,500.50)");
        }
        BigDecimal amount = new BigDecimal(plain.replace(",", ""));
        if (amount.stripTrailingZeros().scale() > TAKA.getDecimalPlaces()) {
            throw CarelogException.validation("amount", "has more than two decimal places (poisha)");
        }
        if (amount.abs().compareTo(MAX) > 0) {
            throw CarelogException.validation("amount", "is too large");
        }
        return new Money(amount);
    }

    public String currency() {
        return CURRENCY;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** A share or multiple (a discount rate, a quantity), rounded to the poisha by {@link #ROUNDING}. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public boolean negative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** {@code BDT 1500.00}: for logs and messages; GraphQL shows amount and currency apart. */
    @Override
    public String toString() {
        return CURRENCY + " " + amount.toPlainString();
    }
}
