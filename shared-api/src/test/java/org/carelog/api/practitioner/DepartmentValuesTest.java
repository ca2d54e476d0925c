package org.carelog.api.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carelog.api.common.CarelogException;
import org.carelog.api.common.FieldViolation;
import org.junit.jupiter.api.Test;

class DepartmentValuesTest {

    @Test
    void codesAreShortUpperCaseAndStartWithALetter() {
        assertThat(DepartmentCode.parse(" med ").value()).isEqualTo("MED");
        assertThat(DepartmentCode.parse("OBGYN").value()).isEqualTo("OBGYN");
        for (String bad : new String[] {"M", "1MED", "ME D", "MEDICINEDEP", "মেড"}) {
            assertThatThrownBy(() -> DepartmentCode.parse(bad)).as(bad).isInstanceOf(CarelogException.class);
        }
    }

    @Test
    void namesNeedBothLanguagesInTheirOwnScript() {
        DepartmentName name = DepartmentName.of("  Medicine   (Adult) ", "মেডিসিন");
        assertThat(name.english()).isEqualTo("Medicine (Adult)");
        assertThat(name.bangla()).isEqualTo("মেডিসিন");

        assertThatThrownBy(() -> DepartmentName.of("মেডিসিন", null))
                .isInstanceOfSatisfying(
                        CarelogException.class, e -> assertThat(e.error().violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("nameEn", "nameBn"));
    }
}
