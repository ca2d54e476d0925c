package org.carelog.command.practitioner;

import java.util.function.Supplier;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Violations;

/** Runs a value object's parse and records its validation failures in a request's violations. */
final class Checks {

    private Checks() {}

    /** Every failure is reported under {@code field}, whatever the value object called it. */
    static <T> T as(Violations violations, String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (CarelogException e) {
            if (e.code() != ErrorCode.VALIDATION) {
                throw e;
            }
            if (e.error().violations().isEmpty()) {
                violations.reject(field, e.getMessage());
            }
            e.error().violations().forEach(v -> violations.reject(field, v.message()));
            return null;
        }
    }

    /** Failures keep the field names the value object gave them (a name's nameEn and nameBn). */
    static <T> T keep(Violations violations, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (CarelogException e) {
            if (e.code() != ErrorCode.VALIDATION) {
                throw e;
            }
            e.error().violations().forEach(v -> violations.reject(v.field(), v.message()));
            return null;
        }
    }
}
