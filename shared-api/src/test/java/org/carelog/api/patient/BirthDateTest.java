package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthDateTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    @Test
    void exactDateIsNotAnEstimate() {
        BirthDate birthDate = BirthDate.exact(LocalDate.of(1985, 6, 1), TODAY);

        assertThat(birthDate.date()).isEqualTo(LocalDate.of(1985, 6, 1));
        assertThat(birthDate.estimated()).isFalse();
    }

    @Test
    void exactDateMayBeTodayButNotTomorrow() {
        assertThat(BirthDate.exact(TODAY, TODAY).date()).isEqualTo(TODAY);
        assertRejected(() -> BirthDate.exact(TODAY.plusDays(1), TODAY), "birthDate");
    }

    @Test
    void exactDateMayBe130YearsAgoButNoEarlier() {
        assertThat(BirthDate.exact(TODAY.minusYears(130), TODAY).date()).isEqualTo(LocalDate.of(1895, 3, 15));
        assertRejected(() -> BirthDate.exact(TODAY.minusYears(130).minusDays(1), TODAY), "birthDate");
    }

    @Test
    void ageGivesAnEstimatedBirthdayFallingToday() {
        BirthDate birthDate = BirthDate.fromAge(42, TODAY);

        assertThat(birthDate.date()).isEqualTo(LocalDate.of(1983, 3, 15));
        assertThat(birthDate.estimated()).isTrue();
    }

    @Test
    void ageMayBeFromZeroTo130() {
        assertThat(BirthDate.fromAge(0, TODAY).date()).isEqualTo(TODAY);
        assertThat(BirthDate.fromAge(130, TODAY).date()).isEqualTo(LocalDate.of(1895, 3, 15));
        assertRejected(() -> BirthDate.fromAge(-1, TODAY), "estimatedAge");
        assertRejected(() -> BirthDate.fromAge(131, TODAY), "estimatedAge");
    }

    @Test
    void anEstimateIsNeverEqualToTheSameDateAsAFact() {
        assertThat(BirthDate.fromAge(42, TODAY)).isNotEqualTo(BirthDate.exact(LocalDate.of(1983, 3, 15), TODAY));
    }
}
