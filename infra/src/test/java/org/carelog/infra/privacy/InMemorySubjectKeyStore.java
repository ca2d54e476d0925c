package org.carelog.infra.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The key store in memory, with the JDBC one's semantics: first key wins, destruction leaves a tombstone. */
final class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredKey> find(String subjectId) {
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public StoredKey createIfAbsent(String subjectId, byte[] wrappedKeyset) {
        return keys.computeIfAbsent(subjectId, id -> new StoredKey(wrappedKeyset));
    }

    @Override
    public void destroy(String subjectId) {
        keys.put(subjectId, new StoredKey(null));
    }

    @Override
    public List<String> destroyedSubjects() {
        return keys.entrySet().stream()
                .filter(e -> e.getValue().destroyed())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public Optional<Sample> anyLiveKey() {
        return keys.entrySet().stream()
                .filter(e -> !e.getValue().destroyed())
                .map(e -> new Sample(e.getKey(), e.getValue().wrappedKeyset()))
                .findFirst();
    }
}
