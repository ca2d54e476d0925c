package org.carelog.api.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every rejected field of one request so the clerk sees all problems at once, then fails as
 * one {@link ErrorCode#VALIDATION} error.
 */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Runs a parse or check for one field; a validation failure is recorded under that field. */
    public <T> T check(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (CarelogException e) {
            if (e.code() != ErrorCode.VALIDATION) {
                throw e;
            }
            e.error().violations().stream()
                    .map(v -> new FieldViolation(qualify(field, v.field()), v.message()))
                    .forEach(violations::add);
            if (e.error().violations().isEmpty()) {
                violations.add(new FieldViolation(field, e.getMessage()));
            }
            return null;
        }
    }

    public void reject(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        String message = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid: "
                        + String.join(
                                ", ",
                                violations.stream().map(FieldViolation::field).toList());
        throw new CarelogException(new CarelogError(ErrorCode.VALIDATION, message, violations, null));
    }

    private static String qualify(String outer, String inner) {
        if (inner == null || inner.isEmpty() || inner.equals(outer)) {
            return outer;
        }
        return outer + "." + inner;
    }
}
