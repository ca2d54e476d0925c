package org.carelog.infra.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Money;

/** The finance reports' pure rules: receivables' age buckets, their sums, and masked provider references. */
final class FinanceFigures {

    private FinanceFigures() {}

    /** How old an outstanding invoice is, in whole local days from the day it was generated. */
    enum AgeBucket {
        DAYS_0_30("0-30"),
        DAYS_31_60("31-60"),
        DAYS_61_90("61-90"),
        OVER_90("over 90");

        final String label;

        AgeBucket(String label) {
            this.label = label;
        }

        static AgeBucket of(long ageDays) {
            if (ageDays < 0) {
                throw new IllegalArgumentException("an invoice generated after the day it is aged at");
            }
            if (ageDays <= 30) {
                return DAYS_0_30;
            }
            if (ageDays <= 60) {
                return DAYS_31_60;
            }
            return ageDays <= 90 ? DAYS_61_90 : OVER_90;
        }

        /** The same rule as SQL, for the CSV export: {@code case ... end} over an integer age column. */
        static String sqlCase(String ageColumn) {
            return "case when " + ageColumn + " <= 30 then '" + DAYS_0_30.label + "' when " + ageColumn
                    + " <= 60 then '" + DAYS_31_60.label + "' when " + ageColumn + " <= 90 then '"
                    + DAYS_61_90.label + "' else '" + OVER_90.label + "' end";
        }
    }

    /** One invoice with something outstanding on the day it is aged at. */
    record Outstanding(long ageDays, Money amount) {}

    /** One bucket's outstanding amount and how many invoices make it. */
    record Bucket(String bucket, Money outstanding, int invoices) {}

    /** Receivables as of a day: every bucket (empty ones as zeros), oldest last, and the totals. */
    record Ageing(List<Bucket> buckets, Money outstanding, int invoices) {}

    /** Sums outstanding invoices per bucket; an amount at or below zero (nothing due) is not outstanding. */
    static Ageing age(Iterable<Outstanding> invoices) {
        Map<AgeBucket, Money> sums = new EnumMap<>(AgeBucket.class);
        Map<AgeBucket, Integer> counts = new EnumMap<>(AgeBucket.class);
        Money total = Money.ZERO;
        int count = 0;
        for (Outstanding invoice : invoices) {
            if (invoice.amount().amount().signum() <= 0) {
                continue;
            }
            AgeBucket bucket = AgeBucket.of(invoice.ageDays());
            sums.merge(bucket, invoice.amount(), Money::plus);
            counts.merge(bucket, 1, Integer::sum);
            total = total.plus(invoice.amount());
            count++;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (AgeBucket bucket : AgeBucket.values()) {
            buckets.add(
                    new Bucket(bucket.label, sums.getOrDefault(bucket, Money.ZERO), counts.getOrDefault(bucket, 0)));
        }
        return new Ageing(buckets, total, count);
    }

    /**
     * A provider's transaction id or card reference as reports show it: its last four characters after four
     * asterisks, or four asterisks alone when it is that short; null when there is none.
     */
    static String maskReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String plain = reference.strip();
        return plain.length() <= 4 ? "****" : "****" + plain.substring(plain.length() - 4);
    }

    static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
