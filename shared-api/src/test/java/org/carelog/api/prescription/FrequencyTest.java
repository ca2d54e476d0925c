package org.carelog.api.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrequencyTest {

    @ParameterizedTest(name = "{0} is {1}, {2} a day")
    @CsvSource(
            delimiter = '|',
            value = {
                "1+0+1      | 1+0+1   | 2",
                "1+1+1      | 1+1+1   | 3",
                "0+0+1      | 0+0+1   | 1",
                "1+1+1+1    | 1+1+1+1 | 4",
                "½+0+½      | ½+0+½   | 1",
                "১+০+১      | 1+0+1   | 2",
                "১+১+১+১    | 1+1+1+1 | 4",
                "1 + 0 + 1  | 1+0+1   | 2",
                "0.5+0+0.5  | ½+0+½   | 1",
                "1½+0+1     | 1½+0+1  | 2.5",
                "2+0+2      | 2+0+2   | 4",
                "1+1        | 1+1     | 2",
                "০+০+১      | 0+0+1   | 1"
            })
    void readsTheNotationDoctorsWrite(String written, String notation, String perDay) {
        Frequency frequency = Frequency.parse("frequency", written);
        assertThat(frequency.notation()).isEqualTo(notation);
        assertThat(frequency.unitsPerDay()).isEqualByComparingTo(new BigDecimal(perDay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1+0+1+1+1", "0+0+0", "a+0+1", "1++1", "1+0+1/2", "100+0+1", "tds"})
    void refusesWhatIsNotTheNotation(String written) {
        assertThatThrownBy(() -> Frequency.parse("frequency", written))
                .isInstanceOfSatisfying(CarelogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.error().violations().get(0).field()).isEqualTo("frequency");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1+0+1 | ১+০+১", "½+0+½ | ½+০+½", "1+1+1+1 | ১+১+১+১"})
    void printsInBanglaDigits(String notation, String bangla) {
        assertThat(Frequency.parse("f", notation).bangla()).isEqualTo(bangla);
    }

    @ParameterizedTest(name = "{0} of {1} for {2} {3}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1        | 1+0+1 | 7  | DAYS   | 14",
                "1 tablet | 1+1+1 | 2  | WEEKS  | 42",
                "½        | 1+0+1 | 5  | DAYS   | 5",
                "2 caps   | 1+0+1 | 1  | MONTHS | 120",
                "1        | ½+0+½ | 3  | DAYS   | 3",
            })
    void derivesTheQuantityToDispense(String dose, String frequency, int amount, DurationUnit unit, String quantity) {
        assertThat(PrescribedItem.derivedQuantity(
                        dose, Frequency.parse("f", frequency), new CourseDuration(amount, unit)))
                .isEqualByComparingTo(new BigDecimal(quantity));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 ml", "2 puffs", "a little"})
    void derivesNoQuantityForDosesThatAreNotUnits(String dose) {
        assertThat(PrescribedItem.derivedQuantity(
                        dose, Frequency.parse("f", "1+0+1"), new CourseDuration(7, DurationUnit.DAYS)))
                .isNull();
        assertThat(PrescribedItem.derivedQuantity("1", Frequency.parse("f", "1+0+1"), CourseDuration.continuing()))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"7 | DAYS | 2026-01-07", "2 | WEEKS | 2026-01-14", "1 | MONTHS | 2026-01-31"})
    void aCourseEndsOnItsLastDay(int amount, DurationUnit unit, LocalDate last) {
        assertThat(new CourseDuration(amount, unit).lastDay(LocalDate.of(2026, 1, 1)))
                .isEqualTo(last);
    }
}
