package org.carelog.api.common;

import java.util.List;
import java.util.Map;

/** A broken business rule or rejected input, carrying a stable {@link ErrorCode}. */
public class CarelogException extends RuntimeException {

    private final CarelogError error;

    public CarelogException(CarelogError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public CarelogError error() {
        return error;
    }

    public ErrorCode code() {
        return error.code();
    }

    public static CarelogException validation(String field, String message) {
        return new CarelogException(
                new CarelogError(ErrorCode.VALIDATION, message, List.of(new FieldViolation(field, message)), null));
    }

    public static CarelogException conflict(String message, Map<String, Object> extensions) {
        return new CarelogException(new CarelogError(ErrorCode.CONFLICT, message, null, extensions));
    }

    public static CarelogException notFound(String message) {
        return new CarelogException(new CarelogError(ErrorCode.NOT_FOUND, message, null, null));
    }
}
