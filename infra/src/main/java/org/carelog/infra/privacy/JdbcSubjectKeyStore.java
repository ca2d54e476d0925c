package org.carelog.infra.privacy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keys in table {@code patient_key} of Carelog's database, written in the caller's transaction. A
 * destroyed key leaves a tombstone row (no keyset) so that nothing can create a new key for an erased
 * patient.
 */
public final class JdbcSubjectKeyStore implements SubjectKeyStore {

    private final JdbcTemplate jdbc;

    public JdbcSubjectKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredKey> find(String subjectId) {
        return jdbc
                .query(
                        "select wrapped_keyset from patient_key where subject_id = ?",
                        (rs, i) -> new StoredKey(rs.getBytes(1)),
                        subjectId)
                .stream()
                .findFirst();
    }

    @Override
    public StoredKey createIfAbsent(String subjectId, byte[] wrappedKeyset) {
        // One round trip in the usual case: the row is new.
        List<byte[]> inserted = jdbc.query(
                "insert into patient_key (subject_id, wrapped_keyset) values (?, ?) on conflict do nothing"
                        + " returning wrapped_keyset",
                (rs, i) -> rs.getBytes(1),
                subjectId,
                wrappedKeyset);
        return inserted.isEmpty() ? find(subjectId).orElseThrow() : new StoredKey(inserted.get(0));
    }

    @Override
    public void destroy(String subjectId) {
        jdbc.update(
                "insert into patient_key (subject_id, wrapped_keyset, destroyed_at) values (?, null, now())"
                        + " on conflict (subject_id) do update set wrapped_keyset = null, destroyed_at = now()",
                subjectId);
    }

    @Override
    public List<String> destroyedSubjects() {
        return jdbc.queryForList(
                "select subject_id from patient_key where wrapped_keyset is null order by subject_id", String.class);
    }

    @Override
    public Optional<Sample> anyLiveKey() {
        return jdbc
                .query(
                        "select subject_id, wrapped_keyset from patient_key where wrapped_keyset is not null limit 1",
                        (rs, i) -> new Sample(rs.getString(1), rs.getBytes(2)))
                .stream()
                .findFirst();
    }
}
