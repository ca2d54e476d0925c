package org.carelog.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import java.util.List;
import java.util.Map;
import org.carelog.api.patient.EmailAddress;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void collectsEveryRejectedFieldBeforeFailing() {
        Violations violations = new Violations();

        PhoneNumber phone = violations.check("phone", () -> PhoneNumber.mobile("not a number"));
        EmailAddress email = violations.check("email", () -> EmailAddress.parse("rahim@"));
        violations.reject("sex", "is required");

        assertThat(phone).isNull();
        assertThat(email).isNull();
        var error = assertRejected(violations::throwIfAny, "phone", "email", "sex");
        assertThat(error.getMessage()).isEqualTo("3 fields are invalid: phone, email, sex");
    }

    @Test
    void returnsTheParsedValueWhenTheFieldIsValid() {
        Violations violations = new Violations();

        PhoneNumber phone = violations.check("phone", () -> PhoneNumber.mobile("01712-345678"));

        assertThat(phone).isEqualTo(new PhoneNumber("+8801712345678"));
        assertThat(violations.isEmpty()).isTrue();
        assertThatNoException().isThrownBy(violations::throwIfAny);
    }

    @Test
    void qualifiesTheFieldNamesOfANestedValue() {
        Violations violations = new Violations();

        violations.check("demographics", () -> PersonName.of("Rahim", "রহিম"));
        violations.check("contact", () -> PhoneNumber.mobile("garbage"));

        assertRejected(violations::throwIfAny, "demographics.nameBn", "demographics.nameEn", "contact.phone");
    }

    @Test
    void doesNotRepeatAFieldNameThatIsAlreadyTheOuterName() {
        Violations violations = new Violations();

        violations.check("phone", () -> PhoneNumber.mobile("garbage"));

        var error = assertRejected(violations::throwIfAny, "phone");
        assertThat(error.getMessage()).startsWith("phone: ");
    }

    @Test
    void usesTheOuterNameForAValidationErrorWithoutFields() {
        Violations violations = new Violations();

        violations.check("birthDate", () -> {
            throw new CarelogException(new CarelogError(ErrorCode.VALIDATION, "unreadable date", List.of(), null));
        });

        var error = assertRejected(violations::throwIfAny, "birthDate");
        assertThat(error.error().violations()).containsExactly(new FieldViolation("birthDate", "unreadable date"));
    }

    @Test
    void letsOtherErrorsPassThrough() {
        Violations violations = new Violations();
        CarelogException conflict = CarelogException.conflict("already registered", Map.of());

        CarelogException thrown = catchThrowableOfType(
                CarelogException.class,
                () -> violations.check("nationalId", () -> {
                    throw conflict;
                }));

        assertThat(thrown).isSameAs(conflict);
        assertThat(thrown.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(violations.isEmpty()).isTrue();
    }
}
