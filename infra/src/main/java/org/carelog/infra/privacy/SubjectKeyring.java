package org.carelog.infra.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.carelog.command.common.SubjectKeys;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each data subject's AEAD key (Tink AES256_GCM), created on first use, wrapped by the master key in the
 * {@link SubjectKeyStore} and kept unwrapped in a bounded in-memory cache. A key created in a transaction
 * is cached only once that transaction commits, so a rolled-back key is never used. Keys never reach a
 * log or an exception message.
 */
public final class SubjectKeyring implements SubjectKeys {

    /** A subject's key as cached: the AEAD, or none when it was destroyed. */
    private record State(Aead aead) {}

    private static final State DESTROYED = new State(null);

    private final Aead master;
    private final SubjectKeyStore store;
    private final Cache<String, State> cache;

    public SubjectKeyring(Aead master, SubjectKeyStore store, int cacheSize) {
        this.master = master;
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** A keyring whose master key comes from the settings (configured, or the key file). */
    public static SubjectKeyring open(PrivacyProperties properties, SubjectKeyStore store) {
        return new SubjectKeyring(MasterKey.load(properties), store, properties.keyCacheSize());
    }

    /** Fails at start-up when the stored keys were wrapped by another master key. */
    void checkMasterKey() {
        store.anyLiveKey().ifPresent(sample -> {
            try {
                unwrap(sample.subjectId(), sample.wrappedKeyset());
            } catch (PersonalDataException e) {
                throw new IllegalStateException("the configured master key did not wrap the keys in the key store:"
                        + " refusing to start (check carelog.privacy.master-key / master-key-file)");
            }
        });
    }

    /** The key to encrypt the subject's personal data with; created when the subject has none yet. */
    Aead forEncryption(String subjectId) {
        Map<String, Aead> created = createdInThisTransaction();
        if (created != null && created.containsKey(subjectId)) {
            return created.get(subjectId);
        }
        State state = cached(subjectId);
        if (state == null) {
            Aead aead = newKey(subjectId, created);
            return aead;
        }
        if (state.aead() == null) {
            throw new PersonalDataException(
                    "data subject " + subjectId + " was erased: no personal data can be stored for them");
        }
        return state.aead();
    }

    /** The key to decrypt the subject's personal data with; empty when it was destroyed. */
    Optional<Aead> forDecryption(String subjectId) {
        Map<String, Aead> created = createdInThisTransaction();
        if (created != null && created.containsKey(subjectId)) {
            return Optional.of(created.get(subjectId));
        }
        State state = cached(subjectId);
        if (state == null) {
            throw new PersonalDataException("no key for data subject " + subjectId
                    + ": the key store is missing keys (restored without its key backup?)");
        }
        return Optional.ofNullable(state.aead());
    }

    /**
     * Encrypts data of the subject that is stored outside events (a message attachment) with the subject's
     * key, bound to {@code context} (for example the attachment's id), so erasing the subject erases it too.
     */
    public byte[] encrypt(String subjectId, byte[] plaintext, byte[] context) {
        try {
            return forEncryption(subjectId).encrypt(plaintext, context);
        } catch (java.security.GeneralSecurityException e) {
            throw new PersonalDataException("could not encrypt data of subject " + subjectId, e);
        }
    }

    /** What {@link #encrypt} stored; empty when the subject was erased (their key destroyed). */
    public Optional<byte[]> decrypt(String subjectId, byte[] ciphertext, byte[] context) {
        Optional<Aead> aead = forDecryption(subjectId);
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(aead.get().decrypt(ciphertext, context));
        } catch (java.security.GeneralSecurityException e) {
            throw new PersonalDataException("could not decrypt data of subject " + subjectId, e);
        }
    }

    @Override
    public void destroy(String subjectId) {
        store.destroy(subjectId);
        cache.invalidate(subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A reader may cache the old key before this commits: evict again when it has.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(subjectId);
                }
            });
            Map<String, Aead> created = createdInThisTransaction();
            if (created != null) {
                created.remove(subjectId);
            }
        }
    }

    /** Drops every unwrapped key from memory. */
    public void evictAll() {
        cache.invalidateAll();
    }

    /** Loads atomically per subject, so an eviction after an erasure cannot be overtaken by a stale load. */
    private State cached(String subjectId) {
        return cache.get(subjectId, id -> store.find(id)
                .map(stored -> stored.destroyed() ? DESTROYED : new State(unwrap(id, stored.wrappedKeyset())))
                .orElse(null));
    }

    private Aead newKey(String subjectId, Map<String, Aead> created) {
        byte[] wrapped;
        Aead fresh;
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, associatedData(subjectId));
            fresh = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("a key for data subject " + subjectId + " could not be created", e);
        }
        SubjectKeyStore.StoredKey stored = store.createIfAbsent(subjectId, wrapped);
        if (stored.destroyed()) {
            throw new PersonalDataException(
                    "data subject " + subjectId + " was erased: no personal data can be stored for them");
        }
        // Someone else's key won the race: use theirs, the one that is stored.
        Aead aead = java.util.Arrays.equals(stored.wrappedKeyset(), wrapped)
                ? fresh
                : unwrap(subjectId, stored.wrappedKeyset());
        if (created != null) {
            created.put(subjectId, aead);
        } else {
            cache.put(subjectId, new State(aead));
        }
        return aead;
    }

    private Aead unwrap(String subjectId, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, associatedData(subjectId))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("the key of data subject " + subjectId
                    + " does not unwrap with the master key (wrong master key, or the key row was altered)");
        }
    }

    /** A wrapped key is bound to its subject: a row copied onto another subject does not unwrap. */
    private static byte[] associatedData(String subjectId) {
        return ("carelog-subject-key:" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Keys created in the current transaction, cached only after it commits. Null outside a transaction
     * (the key store then commits on its own).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Aead> createdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Aead> created = (Map<String, Aead>) TransactionSynchronizationManager.getResource(this);
        if (created == null) {
            Map<String, Aead> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.forEach((subject, aead) -> cache.put(subject, new State(aead)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubjectKeyring.this);
                }
            });
            created = fresh;
        }
        return created;
    }
}
