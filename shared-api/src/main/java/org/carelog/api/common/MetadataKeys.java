package org.carelog.api.common;

/**
 * Keys every command carries in its metadata and every event inherits: who sent it, in which role,
 * from which request, with which idempotency key and, where a rule was overridden, why.
 */
public final class MetadataKeys {
    public static final String USER_ID = "userId";
    public static final String USERNAME = "username";
    public static final String ROLE = "role";
    public static final String REQUEST_ID = "requestId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private MetadataKeys() {}
}
