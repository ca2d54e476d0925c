package org.carelog.command.common;

/**
 * The keys that encrypt each data subject's personal data in stored messages. Destroying one erases
 * that subject's personal data from every event, snapshot and dead letter at once (crypto-shredding).
 */
public interface SubjectKeys {

    /**
     * Destroys the subject's key in the caller's transaction: once committed, the subject's personal
     * data can never be decrypted again and no new personal data can be stored for them.
     */
    void destroy(String subjectId);
}
