package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void acceptsANameInBanglaOnly() {
        PersonName name = PersonName.of("রহিম উদ্দিন", null);

        assertThat(name.bangla()).isEqualTo("রহিম উদ্দিন");
        assertThat(name.latin()).isNull();
        assertThat(name.display()).isEqualTo("রহিম উদ্দিন");
    }

    @Test
    void acceptsANameInLatinOnly() {
        PersonName name = PersonName.of(null, "Md. Rahim O'Neil-Uddin");

        assertThat(name.bangla()).isNull();
        assertThat(name.latin()).isEqualTo("Md. Rahim O'Neil-Uddin");
    }

    @Test
    void acceptsBothScriptsAndDisplaysTheLatinOne() {
        PersonName name = PersonName.of("ফাতেমা বেগম", "Fatema Begum");

        assertThat(name.bangla()).isEqualTo("ফাতেমা বেগম");
        assertThat(name.latin()).isEqualTo("Fatema Begum");
        assertThat(name.display()).isEqualTo("Fatema Begum");
    }

    @Test
    void requiresANameInEitherScript() {
        assertRejected(() -> PersonName.of(null, null), "nameEn");
        assertRejected(() -> PersonName.of("  ", "\t\u00A0"), "nameEn");
    }

    @Test
    void rejectsDigitsInEitherScript() {
        assertRejected(() -> PersonName.of(null, "Rahim 2"), "nameEn");
        assertRejected(() -> PersonName.of("রহিম ২", null), "nameBn");
    }

    @Test
    void rejectsLatinLettersInTheBanglaName() {
        assertRejected(() -> PersonName.of("রহিম Uddin", "Rahim Uddin"), "nameBn");
    }

    @Test
    void rejectsBanglaLettersInTheLatinName() {
        assertRejected(() -> PersonName.of("রহিম", "Rahim উদ্দিন"), "nameEn");
    }

    @Test
    void reportsBothWrongScriptsAtOnce() {
        assertRejected(() -> PersonName.of("Rahim", "রহিম"), "nameBn", "nameEn");
    }

    @Test
    void rejectsPunctuationThatIsNotPartOfNames() {
        assertRejected(() -> PersonName.of(null, "Rahim@Uddin"), "nameEn");
    }

    @Test
    void rejectsNamesLongerThan200Characters() {
        assertThat(PersonName.of(null, "A".repeat(200)).latin()).hasSize(200);
        assertRejected(() -> PersonName.of(null, "A".repeat(201)), "nameEn");
    }

    @Test
    void keepsZeroWidthJoinerAndNonJoinerInsideBanglaNames() {
        String withJoiners = "র\u200D্যাব আ\u200Cম্মান";

        PersonName name = PersonName.of(withJoiners, null);

        assertThat(name.bangla()).isEqualTo(withJoiners).contains("\u200D", "\u200C");
    }

    @Test
    void normalisesToComposedForm() {
        String decomposed = "Jose\u0301 Mi\u0301a"; // e + combining acute
        String banglaDecomposed = "ক\u09C7\u09BEকা"; // e-kar + aa-kar compose to o-kar (U+09CB)
        assertThat(decomposed).isNotEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));

        PersonName name = PersonName.of(banglaDecomposed, decomposed);

        assertThat(name.latin()).isEqualTo("José Mía").hasSize(8);
        assertThat(name.bangla()).isEqualTo("কোকা").contains("\u09CB");
    }

    @Test
    void foldsWhiteSpaceInsideAndAroundTheName() {
        PersonName name = PersonName.of("  রহিম \t উদ্দিন ", "  Rahim\u00A0\u00A0 \n Uddin ");

        assertThat(name.bangla()).isEqualTo("রহিম উদ্দিন");
        assertThat(name.latin()).isEqualTo("Rahim Uddin");
    }
}
