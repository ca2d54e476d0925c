package org.carelog.api.patient;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Name comparison that works across Bangla and Latin script and the usual spelling variants of
 * Bangladeshi names (Mohammad / Muhammad / Md., Akter / Akhter / আক্তার, Chowdhury / চৌধুরী).
 *
 * <p>Bangla is romanised with ICU's CLDR Bengali-Latin transform; every name is then reduced to a
 * consonant skeleton per word (aspiration, doubled letters and vowels dropped) and compared with
 * Jaro-Winkler. A name whose words are a subset of the other's (with or without "Md.") also matches.
 */
public final class NameMatching {

    /** Scores at or above this count as a probable match. */
    public static final double SIMILAR = 0.93;

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Bengali-Latin; Latin-ASCII; Lower"));
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]+");
    private static final Pattern CHANDRABINDU = Pattern.compile("\\u0981");
    private static final Pattern ANUSVARA = Pattern.compile("\\u0982");
    /** য not after a virama (ya-phala) and not followed by a nukta (য়, NFC keeps it decomposed). */
    private static final Pattern PLAIN_YA = Pattern.compile("(?<!\\u09CD)\\u09AF(?!\\u09BC)");
    /**
     * ba-phala after a consonant, except after ম and ব (আম্বিয়া, আব্বাস) and as a reph's ব (শর্বরী),
     * where it is pronounced.
     */
    private static final Pattern SILENT_BA_PHALA =
            Pattern.compile("(?<=[\\u0995-\\u09AB\\u09AD\\u09AF\\u09B2-\\u09B9])\\u09CD\\u09AC");

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "md", "mohammad",
            "mohd", "mohammad",
            "muhd", "mohammad",
            "mst", "mosammat",
            "most", "mosammat",
            "sk", "sheikh",
            "shk", "sheikh");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "late", "baby");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameMatching() {}

    /** Similarity in [0, 1] of two names, whichever scripts each was written in. */
    public static double similarity(PersonName a, PersonName b) {
        double best = 0;
        for (List<String> x : skeletons(a)) {
            for (List<String> y : skeletons(b)) {
                best = Math.max(best, score(x, y));
            }
        }
        return best;
    }

    public static boolean similar(PersonName a, PersonName b) {
        return similarity(a, b) >= SIMILAR;
    }

    /**
     * The word skeletons of a name in every script it is written in: two names that may match share at
     * least one, so a store can pre-select candidates with an index before {@link #similar} decides.
     */
    public static Set<String> keys(PersonName name) {
        Set<String> keys = new LinkedHashSet<>();
        skeletons(name).forEach(keys::addAll);
        return keys;
    }

    /**
     * Text to search a name by: the names as written (lower case) and the romanised Bangla, so that a
     * search typed in either script finds the patient.
     */
    public static String searchKey(PersonName name) {
        Set<String> parts = new LinkedHashSet<>();
        if (name.latin() != null) {
            parts.add(name.latin().toLowerCase(Locale.ROOT));
        }
        if (name.bangla() != null) {
            parts.add(name.bangla());
            parts.add(romanise(name.bangla()));
        }
        return String.join(" | ", parts);
    }

    /**
     * The forms a search text should be looked up by: as typed (lower case) and, when it contains Bangla,
     * romanised without the inherent final vowel the transform adds ("রহিম" → "rahim").
     */
    public static List<String> searchForms(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        List<String> forms = new ArrayList<>(List.of(lower));
        if (lower.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.BENGALI)) {
            String romanised = Arrays.stream(romanise(lower).split(" "))
                    .map(w -> w.length() > 2 && w.endsWith("a") ? w.substring(0, w.length() - 1) : w)
                    .reduce((x, y) -> x + " " + y)
                    .orElse("");
            if (!romanised.isBlank()) {
                forms.add(romanised);
            }
        }
        return forms;
    }

    static String romanise(String bangla) {
        String latin = Normalizer.normalize(TO_LATIN.get().transliterate(spokenForm(bangla)), Normalizer.Form.NFD);
        // Inside a word the transform can leave marks and apostrophes between letters: drop them.
        return NOT_LETTER.matcher(latin).replaceAll("").replaceAll(" +", " ").strip();
    }

    /**
     * Bends the spelling towards how names are said and romanised, where ICU's transform follows the
     * letters instead: the nasal mark is written "n" (চাঁদ, Chand), anusvara is "ng" also at the end of a
     * word (বাংলা, মং), য without nukta is "j" (যাকির, Zakir) unless it is a ya-phala, and a ba-phala
     * after another consonant is silent or "w" (বিশ্বাস, Biswas; স্বপন, Swapan).
     */
    static String spokenForm(String bangla) {
        String text = Normalizer.normalize(bangla, Normalizer.Form.NFC);
        text = CHANDRABINDU.matcher(text).replaceAll("ন্");
        text = ANUSVARA.matcher(text).replaceAll("ঙ্গ্");
        text = PLAIN_YA.matcher(text).replaceAll("জ");
        return SILENT_BA_PHALA.matcher(text).replaceAll("");
    }

    private static List<List<String>> skeletons(PersonName name) {
        List<List<String>> forms = new ArrayList<>(2);
        if (name.latin() != null) {
            forms.add(words(
                    NOT_LETTER.matcher(name.latin().toLowerCase(Locale.ROOT)).replaceAll(" ")));
        }
        if (name.bangla() != null) {
            forms.add(words(romanise(name.bangla())));
        }
        return forms;
    }

    private static List<String> words(String latin) {
        List<String> out = new ArrayList<>();
        for (String word : latin.split(" +")) {
            if (word.isEmpty() || HONORIFICS.contains(word)) {
                continue;
            }
            out.add(skeleton(ABBREVIATIONS.getOrDefault(word, word)));
        }
        return out;
    }

    /** Consonant skeleton of one romanised word: "mohammad" and "muhammad" both give "mhmd". */
    static String skeleton(String word) {
        String w = word.replace("ph", "f")
                .replace("bh", "b")
                .replace("kh", "k")
                .replace("gh", "g")
                .replace("ch", "c")
                .replace("jh", "j")
                .replace("th", "t")
                .replace("dh", "d")
                .replace("sh", "s")
                .replace('z', 'j')
                .replace('q', 'k')
                .replace('v', 'b');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean vowel = "aeiouwy".indexOf(c) >= 0;
            if (vowel && i > 0) {
                continue;
            }
            if (c == 'h' && i > 0) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(vowel ? 'a' : c);
        }
        return out.toString();
    }

    /**
     * Every word of the shorter name must find a close word in the longer one; the weakest such pair
     * is the score. So "Md. Rahim Uddin" matches "Rahim Uddin", but a shared surname alone ("Nasrin
     * Akter", "Shirin Akter") does not make a match.
     */
    private static double score(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        double weakest = 1.0;
        for (String word : shorter) {
            double best = 0;
            for (String other : longer) {
                best = Math.max(best, JARO_WINKLER.apply(word, other));
            }
            weakest = Math.min(weakest, best);
        }
        return weakest;
    }
}
