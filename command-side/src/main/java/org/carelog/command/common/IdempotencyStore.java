package org.carelog.command.common;

import java.util.Optional;

/**
 * Remembers, per user and idempotency key, the outcome of a command. Implementations write in the
 * transaction of the command, so a claim exists exactly when the command's events do.
 */
public interface IdempotencyStore {

    /** An earlier command with the same user and key, and what it returned (null for no result). */
    record Outcome(String commandName, byte[] result, String resultType, String resultRevision) {}

    /**
     * Claims the key for this command. Empty when the claim is new; otherwise the earlier outcome. A
     * concurrent claim of the same key waits for the other transaction to finish.
     */
    Optional<Outcome> claim(String username, String key, String commandName);

    /** Records the result of the command that holds the claim. */
    void complete(String username, String key, byte[] result, String resultType, String resultRevision);
}
