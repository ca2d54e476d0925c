package org.carelog.infra.privacy;

import java.util.Optional;

/**
 * Where each data subject's key is kept, wrapped by the master key. The JDBC implementation uses
 * Carelog's database (table {@code patient_key}, so keys are created and destroyed in the command's
 * transaction); another implementation can keep them in a database of their own.
 */
public interface SubjectKeyStore {

    /** A stored key: the wrapped keyset, or null once the key was destroyed (a tombstone). */
    record StoredKey(byte[] wrappedKeyset) {
        boolean destroyed() {
            return wrappedKeyset == null;
        }
    }

    Optional<StoredKey> find(String subjectId);

    /** Stores a new key unless the subject already has one (or a tombstone); returns what is stored. */
    StoredKey createIfAbsent(String subjectId, byte[] wrappedKeyset);

    /** Replaces the subject's key by a tombstone, so it can never be recreated. */
    void destroy(String subjectId);

    /** Every subject whose key was destroyed: the erasure record that outlives any data restore. */
    java.util.List<String> destroyedSubjects();

    /** Any one live key, to check at start-up that the master key is the one that wrapped them. */
    Optional<Sample> anyLiveKey();

    record Sample(String subjectId, byte[] wrappedKeyset) {}
}
