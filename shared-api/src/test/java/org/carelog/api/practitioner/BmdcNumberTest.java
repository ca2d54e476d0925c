package org.carelog.api.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.junit.jupiter.api.Test;

class BmdcNumberTest {

    @Test
    void readsDoctorAndDentistNumbersAsPeopleWriteThem() {
        assertThat(BmdcNumber.parse("A-12345").value()).isEqualTo("A-12345");
        assertThat(BmdcNumber.parse(" a 12345 ").value()).isEqualTo("A-12345");
        assertThat(BmdcNumber.parse("A12345").value()).isEqualTo("A-12345");
        assertThat(BmdcNumber.parse("A-০১২৩৪৫").value()).isEqualTo("A-12345");
        assertThat(BmdcNumber.parse("d-1234").value()).isEqualTo("D-1234");
        assertThat(BmdcNumber.parse("D-1234").dental()).isTrue();
        assertThat(BmdcNumber.parse("A-7").dental()).isFalse();
    }

    @Test
    void refusesOtherShapes() {
        for (String bad : new String[] {"", "12345", "B-12345", "A-1234567", "A--123", "A-0", "A-12a45", "AD-123"}) {
            assertThatThrownBy(() -> BmdcNumber.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(CarelogException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                        assertThat(e.error().violations().get(0).field()).isEqualTo("number");
                    });
        }
    }

    @Test
    void aRegistrationIsValidThroughItsLastDay() {
        BmdcRegistration registration = new BmdcRegistration(BmdcNumber.parse("A-1"), LocalDate.of(2026, 6, 30));
        assertThat(registration.expiredOn(LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(registration.expiredOn(LocalDate.of(2026, 7, 1))).isTrue();
    }
}
