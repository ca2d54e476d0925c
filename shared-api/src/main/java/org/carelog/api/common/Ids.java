package org.carelog.api.common;

import java.util.UUID;

/** Reads ids that clients send as text. */
public final class Ids {

    private Ids() {}

    /** The UUID in {@code raw}; otherwise VALIDATION on {@code field}, "is not a {what} id". */
    public static UUID uuid(String field, String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CarelogException.validation(field, "is not a " + what + " id");
        }
    }
}
