package org.carelog.infra.patient;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registration inputs whose names, phones, dates and identity numbers differ from every other test's,
 * so tests sharing one database never trip duplicate detection by accident.
 */
public final class PatientFixtures {

    private static final String[] SYLLABLES = {"ba", "ke", "di", "ro", "mu", "sa", "te", "li", "no", "fa"};
    private static final String[] BANGLA = {"ক", "খ", "গ", "ঘ", "চ", "জ", "ট", "ড", "ত", "দ"};

    private PatientFixtures() {}

    /** A Latin name made of syllables spelling the number, e.g. 407 → "Ribama Test". */
    static String latinName(long n) {
        StringBuilder word = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            word.append(SYLLABLES[digit - '0']);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1) + " Test";
    }

    /** A Bangla name spelling the number with consonants and the vowel sign া. */
    static String banglaName(long n) {
        StringBuilder word = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            word.append(BANGLA[digit - '0']).append('া');
        }
        return word + " পরীক্ষা";
    }

    /** A valid Grameenphone-style mobile number, written the local way: 017XXXXXXXX. */
    static String phone(long n) {
        return String.format("017%08d", n % 100_000_000L);
    }

    static String nationalId(long n) {
        return String.format("%010d", n % 10_000_000_000L);
    }

    static String birthRegistrationNumber(long n) {
        return String.format("2000%013d", n % 10_000_000_000_000L);
    }

    static String birthDate(long n) {
        return LocalDate.of(1940, 1, 1).plusDays(n % 30_000).toString();
    }

    private static final String[] BYSTANDER_LATIN = {"ho", "ju", "qe", "vo", "wu", "xe", "zo", "hu", "je", "qo"};
    private static final String[] BYSTANDER_BANGLA = {"পি", "ফি", "বি", "ভি", "মি", "যি", "রি", "লি", "শি", "সি"};

    /**
     * A registration for tests that need many patients but never search them by name: the names use
     * letters that {@link #registration} names never do, so no name or prefix search of another test
     * meets them (the patient search pages at 50). Give {@code n} a range of its own (phones and
     * identity numbers derive from it).
     */
    public static Map<String, Object> bystander(long n) {
        Map<String, Object> input = registration(n);
        @SuppressWarnings("unchecked")
        Map<String, Object> demographics = (Map<String, Object>) input.get("demographics");
        String latin = spelled(n, BYSTANDER_LATIN);
        demographics.put("nameEn", Character.toUpperCase(latin.charAt(0)) + latin.substring(1) + " Qwe");
        demographics.put("nameBn", spelled(n, BYSTANDER_BANGLA) + " শিমু");
        return input;
    }

    private static String spelled(long n, String[] syllables) {
        StringBuilder word = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            word.append(syllables[digit - '0']);
        }
        return word.toString();
    }

    public static Map<String, Object> registration(long n) {
        Map<String, Object> demographics = new LinkedHashMap<>();
        demographics.put("nameBn", banglaName(n));
        demographics.put("nameEn", latinName(n));
        demographics.put("sex", n % 2 == 0 ? "FEMALE" : "MALE");
        demographics.put("birthDate", birthDate(n));
        demographics.put("bloodGroup", "B_POSITIVE");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phone", phone(n));
        contact.put("email", "patient" + n + "@example.org");
        contact.put("preferredLanguage", "BN");
        contact.put(
                "address",
                Map.of(
                        "divisionCode",
                        "30",
                        "districtCode",
                        "3026",
                        "upazilaCode",
                        "30260014",
                        "line",
                        "বাড়ি ১২, রোড ৪"));
        contact.put(
                "emergencyContact",
                Map.of("name", "Relative " + latinName(n), "relationship", "sister", "phone", "01911000000"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("demographics", demographics);
        input.put(
                "identifiers",
                Map.of("nationalId", nationalId(n), "birthRegistrationNumber", birthRegistrationNumber(n)));
        input.put("contact", contact);
        input.put("consent", Map.of("sms", true, "email", true));
        return input;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> input, String name) {
        return (Map<String, Object>) input.get(name);
    }
}
