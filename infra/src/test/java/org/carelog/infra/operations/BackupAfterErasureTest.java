package org.carelog.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carelog.api.common.Role;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.infra.privacy.ErasureReconciliation;
import org.carelog.infra.privacy.JdbcSubjectKeyStore;
import org.carelog.infra.privacy.PersonalDataSerializer;
import org.carelog.infra.privacy.PrivacyIntegrationTest;
import org.carelog.infra.privacy.PrivacyProperties;
import org.carelog.infra.privacy.SubjectKeyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A data backup taken before an erasure, restored afterwards with the key backup taken after it, cannot
 * show the erased patient: data backups hold no keys, the key backup holds the tombstone, and the
 * start-up reconciliation scrubs the clear-text tables restored from before the erasure.
 */
class BackupAfterErasureTest extends PrivacyIntegrationTest {

    @TempDir
    Path work;

    @Autowired
    Serializer serializer;

    @Autowired
    PrivacyProperties privacy;

    @Test
    void aBackupFromBeforeAnErasureRestoresWithoutTheErasedPatient() throws Exception {
        MarkedPatient erased = registerMarked();
        MarkedPatient kept = registerMarked();
        awaitInDirectory(erased.patientId());
        awaitInDirectory(kept.patientId());
        DatabaseTarget live = liveTarget(null);
        Path data = work.resolve("data.zip");
        DatabaseBackup.run(live, data, Progress.silent());

        assertThat(erase(Role.ADMIN, erased.patientId(), "DPR-9").path("errors").isMissingNode())
                .isTrue();
        awaitErasedInDirectory(erased.patientId());
        Path keys = work.resolve("keys.zip");
        DatabaseBackup.run(live, keys, Progress.silent(), Catalog.Scope.KEYS);

        String database = "restored_" + unique();
        jdbc.execute("create database " + database);
        DatabaseTarget restored = liveTarget(database);
        try (BackupArchive archive = BackupArchive.open(data)) {
            assertThat(archive.manifest().tables())
                    .extracting(BackupManifest.TableData::name)
                    .as("a data backup holds no keys")
                    .doesNotContain("patient_key")
                    .contains("domainevententry", "patient_directory");
            DatabaseRestore.run(restored, archive, Progress.silent());
        }
        try (Connection c = restored.connect()) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            assertThat(db.queryForObject("select count(*) from patient_key", Long.class))
                    .as("restored data without keys cannot be read by anyone")
                    .isZero();
            assertThat(dumpEveryTable(db).get("patient_directory"))
                    .as("the read model from before the erasure still names the patient")
                    .contains(erased.markers().get(0));
        }
        try (BackupArchive archive = BackupArchive.open(keys)) {
            assertThat(archive.manifest().tables())
                    .extracting(BackupManifest.TableData::name)
                    .containsExactly("patient_key");
            DatabaseRestore.run(restored, archive, Progress.silent(), Catalog.Scope.KEYS);
        }

        try (Connection c = restored.connect()) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            JdbcSubjectKeyStore restoredKeys = new JdbcSubjectKeyStore(db);
            assertThat(restoredKeys.destroyedSubjects()).contains(erased.patientId());
            assertThat(ErasureReconciliation.scrub(db, restoredKeys.destroyedSubjects()))
                    .isPositive();

            Map<String, String> dump = dumpEveryTable(db);
            for (String marker : erased.markers()) {
                dump.forEach((table, text) ->
                        assertThat(text).as("%s in restored %s", marker, table).doesNotContain(marker));
            }
            assertThat(dump.get("patient_directory")).contains(kept.markers());

            JacksonSerializer jackson = (JacksonSerializer) ((PersonalDataSerializer) serializer).delegate();
            ObjectMapper mapper = jackson.getObjectMapper();
            PersonalDataSerializer reader =
                    new PersonalDataSerializer(jackson, mapper, SubjectKeyring.open(privacy, restoredKeys));
            assertThat(registration(db, reader, erased.patientId()).demographics())
                    .as("the erased patient's registration loads without personal data")
                    .isNull();
            assertThat(registration(db, reader, kept.patientId())
                            .demographics()
                            .name()
                            .latin())
                    .isEqualTo(kept.markers().get(0));
        }
        Files.deleteIfExists(data);
        Files.deleteIfExists(keys);
    }

    private static PatientRegistered registration(JdbcTemplate db, Serializer reader, String patientId) {
        byte[] payload = db.queryForObject(
                "select payload from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                byte[].class,
                patientId);
        return reader.deserialize(new SimpleSerializedObject<>(
                payload, byte[].class, new SimpleSerializedType(PatientRegistered.class.getName(), "1")));
    }

    private DatabaseTarget liveTarget(String database) throws Exception {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            String url = c.getMetaData().getURL();
            String user = c.getMetaData().getUserName();
            if (database != null) {
                url = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + database);
            }
            return new DatabaseTarget(url, user, null);
        }
    }
}
