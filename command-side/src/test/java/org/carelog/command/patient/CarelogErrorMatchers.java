package org.carelog.command.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.FieldViolation;
import org.carelog.api.patient.DuplicateCandidate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the fixture's {@code expectException}: they read error codes and details, never text. */
final class CarelogErrorMatchers {

    private CarelogErrorMatchers() {}

    /** VALIDATION with exactly these rejected fields, in this order. */
    static Matcher<CarelogException> rejecting(String... fields) {
        List<String> expected = Arrays.asList(fields);
        return matcher(
                "VALIDATION rejecting " + expected,
                e -> e.code() == ErrorCode.VALIDATION
                        && e.error().violations().stream()
                                .map(FieldViolation::field)
                                .toList()
                                .equals(expected));
    }

    /** CONFLICT listing exactly these candidates, as the GraphQL layer will show them. */
    static Matcher<CarelogException> conflictWith(DuplicateCandidate... expected) {
        List<Map<String, String>> maps = Arrays.stream(expected)
                .map(c -> Map.of("patientId", c.patientId(), "mrn", c.mrn(), "name", c.name(), "reason", c.reason()))
                .toList();
        return matcher(
                "CONFLICT with candidates " + maps,
                e -> e.code() == ErrorCode.CONFLICT
                        && maps.equals(e.error().extensions().get("candidates")));
    }

    /** CONFLICT on one identifier field, naming the patient who holds it. */
    static Matcher<CarelogException> identifierTaken(String field, DuplicateCandidate holder) {
        Matcher<CarelogException> conflict = conflictWith(holder);
        return matcher(
                "CONFLICT on " + field + " held by " + holder.mrn(),
                e -> conflict.matches(e) && field.equals(e.error().extensions().get("field")));
    }

    /** CONFLICT whose extensions hold this entry. */
    static Matcher<CarelogException> conflictHolding(String key, Object value) {
        return matcher(
                "CONFLICT with " + key + "=" + value,
                e -> e.code() == ErrorCode.CONFLICT
                        && e.error().extensions() != null
                        && value.equals(e.error().extensions().get(key)));
    }

    private static Matcher<CarelogException> matcher(String expectation, Predicate<CarelogException> check) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CarelogException e, Description mismatch) {
                mismatch.appendText("was ").appendValue(e.error());
                return check.test(e);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a CarelogException: " + expectation);
            }
        };
    }
}
