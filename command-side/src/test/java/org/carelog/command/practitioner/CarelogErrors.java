package org.carelog.command.practitioner;

import java.util.Arrays;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.FieldViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CarelogException} by its code and, for VALIDATION, the fields it names. */
public final class CarelogErrors {

    private CarelogErrors() {}

    public static Matcher<CarelogException> error(ErrorCode code, String... fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CarelogException e) {
                return e.code() == code
                        && (fields.length == 0
                                || e.error().violations().stream()
                                        .map(FieldViolation::field)
                                        .toList()
                                        .equals(Arrays.asList(fields)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CarelogException " + code + " on " + Arrays.toString(fields));
            }

            @Override
            protected void describeMismatchSafely(CarelogException e, Description description) {
                description.appendText("was " + e.code() + " " + e.error().violations() + " " + e.getMessage());
            }
        };
    }
}
