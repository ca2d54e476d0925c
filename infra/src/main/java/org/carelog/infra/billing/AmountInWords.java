package org.carelog.infra.billing;

import java.math.BigDecimal;
import org.carelog.api.common.Money;

/**
 * Amounts as Bangladesh writes them on invoices and receipts: figures grouped in the South Asian way
 * (1,25,350.50), and words in English with lakh and crore ("One Lakh Twenty-Five Thousand Three Hundred Fifty
 * Taka and Fifty Poisha Only") and in Bangla ("এক লক্ষ পঁচিশ হাজার তিন শত পঞ্চাশ টাকা পঞ্চাশ পয়সা মাত্র").
 * A crore above 99 is itself read in lakh and crore (100 crore is "One Hundred Crore").
 */
final class AmountInWords {

    private AmountInWords() {}

    private static final String[] ONES = {
        "Zero",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen"
    };
    private static final String[] TENS = {
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"
    };

    /** 0 to 99 in Bangla: each has its own word. */
    private static final String[] BANGLA =
            ("শূন্য এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ"
                            + " বিশ একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ উনত্রিশ"
                            + " ত্রিশ একত্রিশ বত্রিশ তেত্রিশ চৌত্রিশ পঁয়ত্রিশ ছত্রিশ সাঁইত্রিশ আটত্রিশ উনচল্লিশ"
                            + " চল্লিশ একচল্লিশ বিয়াল্লিশ তেতাল্লিশ চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ সাতচল্লিশ আটচল্লিশ উনপঞ্চাশ"
                            + " পঞ্চাশ একান্ন বাহান্ন তিপ্পান্ন চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন উনষাট"
                            + " ষাট একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি ছেষট্টি সাতষট্টি আটষট্টি উনসত্তর"
                            + " সত্তর একাত্তর বাহাত্তর তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর সাতাত্তর আটাত্তর উনআশি"
                            + " আশি একাশি বিরাশি তিরাশি চুরাশি পঁচাশি ছিয়াশি সাতাশি আটাশি উননব্বই"
                            + " নব্বই একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই সাতানব্বই আটানব্বই নিরানব্বই")
                    .split(" ");

    /** {@code ৳ 1,25,350.50}: the taka sign and South Asian grouping; a minus sign before the sign when negative. */
    static String figures(Money money) {
        BigDecimal amount = money.amount();
        String sign = amount.signum() < 0 ? "-" : "";
        BigDecimal abs = amount.abs();
        long taka = abs.longValue();
        String poisha = abs.subtract(BigDecimal.valueOf(taka))
                .movePointRight(2)
                .toBigInteger()
                .toString();
        return sign + "৳ " + grouped(taka) + "." + (poisha.length() == 1 ? "0" + poisha : poisha);
    }

    /** 1,25,350: the last three digits, then pairs. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        if (digits.length() <= 3) {
            return digits;
        }
        String last = digits.substring(digits.length() - 3);
        String rest = digits.substring(0, digits.length() - 3);
        StringBuilder out = new StringBuilder();
        int first = rest.length() % 2;
        if (first == 1) {
            out.append(rest, 0, 1);
        }
        for (int i = first; i < rest.length(); i += 2) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(rest, i, i + 2);
        }
        return out.append(',').append(last).toString();
    }

    static String english(Money money) {
        long taka = money.amount().abs().longValue();
        int poisha = money.amount()
                .abs()
                .movePointRight(2)
                .remainder(BigDecimal.valueOf(100))
                .intValue();
        StringBuilder s = new StringBuilder(englishNumber(taka)).append(" Taka");
        if (poisha > 0) {
            s.append(" and ").append(englishNumber(poisha)).append(" Poisha");
        }
        return s.append(" Only").toString();
    }

    static String bangla(Money money) {
        long taka = money.amount().abs().longValue();
        int poisha = money.amount()
                .abs()
                .movePointRight(2)
                .remainder(BigDecimal.valueOf(100))
                .intValue();
        StringBuilder s = new StringBuilder(banglaNumber(taka)).append(" টাকা");
        if (poisha > 0) {
            s.append(" ").append(banglaNumber(poisha)).append(" পয়সা");
        }
        return s.append(" মাত্র").toString();
    }

    static String englishNumber(long n) {
        if (n < 20) {
            return ONES[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : "-" + ONES[(int) (n % 10)]);
        }
        return scaled(n, AmountInWords::englishNumber, "Hundred", "Thousand", "Lakh", "Crore");
    }

    static String banglaNumber(long n) {
        if (n < 100) {
            return BANGLA[(int) n];
        }
        return scaled(n, AmountInWords::banglaNumber, "শত", "হাজার", "লক্ষ", "কোটি");
    }

    private static String scaled(
            long n,
            java.util.function.LongFunction<String> words,
            String hundred,
            String thousand,
            String lakh,
            String crore) {
        StringBuilder s = new StringBuilder();
        long crores = n / 10_000_000;
        long lakhs = n / 100_000 % 100;
        long thousands = n / 1000 % 100;
        long hundreds = n / 100 % 10;
        long rest = n % 100;
        append(s, crores, words, crore);
        append(s, lakhs, words, lakh);
        append(s, thousands, words, thousand);
        append(s, hundreds, words, hundred);
        if (rest > 0) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(words.apply(rest));
        }
        return s.toString();
    }

    private static void append(
            StringBuilder s, long count, java.util.function.LongFunction<String> words, String unit) {
        if (count > 0) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(words.apply(count)).append(' ').append(unit);
        }
    }
}
