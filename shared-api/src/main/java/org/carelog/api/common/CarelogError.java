package org.carelog.api.common;

import java.util.List;
import java.util.Map;

/**
 * What went wrong, in a form that survives crossing a process boundary (it travels as the details of
 * a distributed command exception): a stable code, a message a receptionist can act on, the
 * offending fields and structured extras such as duplicate candidates.
 */
public record CarelogError(
        ErrorCode code, String message, List<FieldViolation> violations, Map<String, Object> extensions) {

    public CarelogError {
        violations = violations == null ? List.of() : List.copyOf(violations);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
