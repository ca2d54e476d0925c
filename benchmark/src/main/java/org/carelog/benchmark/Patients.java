package org.carelog.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct patients that Carelog's duplicate check must accept: every one has its own phone number
 * and national ID, and a name whose consonant skeleton is its own.
 *
 * <p>Carelog compares names by consonant skeletons per word (vowels, 'h' and doubled letters dropped)
 * with Jaro-Winkler at 0.93. A name here is two words of three syllables; the number is written in
 * base 13 with one consonant per syllable, least significant digit first and adjacent consonants never
 * equal, so two patients' words differ in at least one consonant of a three-consonant skeleton (at
 * most ~0.82 similar). The Bangla name spells the same syllables in Bangla script, which ICU romanises
 * back to the same consonants.
 */
final class Patients {

    private static final String[] LATIN = {"b", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t"};
    private static final String[] BANGLA = {"ব", "দ", "ফ", "গ", "জ", "ক", "ল", "ম", "ন", "প", "র", "স", "ত"};
    private static final String[] LATIN_VOWELS = {"a", "i", "o", "u"};
    private static final String[] BANGLA_VOWELS = {"া", "ি", "ো", "ু"};
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DAYS = 30_000;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong next = new AtomicLong();

    ObjectNode next() {
        return patient(next.getAndIncrement());
    }

    long issued() {
        return next.get();
    }

    ObjectNode patient(long n) {
        int[] consonants = consonants(n);
        StringBuilder latin = new StringBuilder();
        StringBuilder bangla = new StringBuilder();
        for (int i = 0; i < consonants.length; i++) {
            if (i == 3) {
                latin.append(' ');
                bangla.append(' ');
            }
            int vowel = (int) ((n + i) % LATIN_VOWELS.length);
            String c = LATIN[consonants[i]];
            latin.append(i % 3 == 0 ? c.toUpperCase() : c).append(LATIN_VOWELS[vowel]);
            bangla.append(BANGLA[consonants[i]]).append(BANGLA_VOWELS[vowel]);
        }
        ObjectNode input = json.createObjectNode();
        input.putObject("demographics")
                .put("nameEn", latin.toString())
                .put("nameBn", bangla.toString())
                .put("sex", n % 2 == 0 ? "FEMALE" : "MALE")
                .put("birthDate", FIRST_BIRTH.plusDays((n * 7919) % BIRTH_DAYS).toString());
        input.putObject("identifiers").put("nationalId", String.format("%010d", 1_000_000_000L + n));
        input.putObject("contact").put("phone", String.format("+88017%08d", n % 100_000_000));
        return input;
    }

    /** Six consonant indexes: the first of each word any of 13, each next one of the 12 unlike it. */
    static int[] consonants(long n) {
        int[] out = new int[6];
        long rest = n;
        for (int i = 0; i < 6; i++) {
            if (i % 3 == 0) {
                out[i] = (int) (rest % 13);
                rest /= 13;
            } else {
                int step = (int) (rest % 12);
                rest /= 12;
                out[i] = (out[i - 1] + 1 + step) % 13;
            }
        }
        return out;
    }
}
