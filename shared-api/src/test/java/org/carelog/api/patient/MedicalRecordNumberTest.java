package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedicalRecordNumberTest {

    @Test
    void formatsPrefixSevenDigitSequenceAndCheckDigit() {
        // Luhn over 0000427: 7*2=14 -> 5, +2, +4*2=8 -> 15; check digit 5.
        assertThat(MedicalRecordNumber.of("clg", 427)).hasToString("CLG-00004275");
        assertThat(MedicalRecordNumber.of("CLG", 1).value()).isEqualTo("CLG-00000018");
    }

    @Test
    void checkDigitMakesTheLuhnSumOfTheWholeNumberAMultipleOfTen() {
        for (long sequence = 1; sequence <= 2_000; sequence++) {
            String value = MedicalRecordNumber.of("CLG", sequence).value();
            String digits = value.substring(value.indexOf('-') + 1);
            assertThat(luhnSum(digits) % 10).as(value).isZero();
        }
    }

    @Test
    void refusesSequencesBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> MedicalRecordNumber.of("CLG", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> MedicalRecordNumber.of("CLG", -5));
    }

    @Test
    void sequenceReadsBackWhatWasAssigned() {
        for (long sequence : new long[] {1, 9, 427, 1_234_567, 9_999_999, 12_345_678}) {
            assertThat(MedicalRecordNumber.of("CLG", sequence).sequence()).isEqualTo(sequence);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLG-00004275", "clg-00004275", "Clg 0000 4275", "CLG00004275", " clg - 0000-4275 "})
    void parseReadsAnMrnAsPeopleTypeIt(String typed) {
        assertThat(MedicalRecordNumber.parse(typed)).contains(new MedicalRecordNumber("CLG-00004275"));
    }

    @Test
    void parseRefusesAWrongCheckDigit() {
        assertThat(MedicalRecordNumber.parse("CLG-00004276")).isEmpty();
    }

    @Test
    void parseCatchesTwoAdjacentDigitsTransposed() {
        MedicalRecordNumber mrn = MedicalRecordNumber.of("CLG", 1_234_567);
        String digits = mrn.value().substring(4);

        for (int i = 0; i + 1 < digits.length(); i++) {
            if (digits.charAt(i) == digits.charAt(i + 1)) {
                continue;
            }
            char[] swapped = digits.toCharArray();
            swapped[i] = digits.charAt(i + 1);
            swapped[i + 1] = digits.charAt(i);
            assertThat(MedicalRecordNumber.parse("CLG-" + new String(swapped)))
                    .as("%s with positions %d and %d swapped", mrn, i, i + 1)
                    .isEmpty();
        }
        assertThat(MedicalRecordNumber.parse(mrn.value())).contains(mrn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00004275", "CLG-", "CLG-4275", "C-00004275", "CLG-0000A275", "১২৩"})
    void parseRefusesTextThatIsNoMrn(String typed) {
        assertThat(MedicalRecordNumber.parse(typed)).isEmpty();
    }

    @Test
    void parseOfNothingIsEmpty() {
        assertThat(MedicalRecordNumber.parse(null)).isEmpty();
    }

    private static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum;
    }
}
