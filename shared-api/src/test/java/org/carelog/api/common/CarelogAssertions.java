package org.carelog.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on Carelog's error codes, shared by the value object tests. */
public final class CarelogAssertions {

    private CarelogAssertions() {}

    /** Asserts that {@code call} fails with VALIDATION and exactly these rejected fields, in order. */
    public static CarelogException assertRejected(ThrowingCallable call, String... fields) {
        CarelogException error = catchThrowableOfType(CarelogException.class, call);
        assertThat(error).as("expected a CarelogException").isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(error.error().violations()).extracting(FieldViolation::field).containsExactly(fields);
        return error;
    }
}
