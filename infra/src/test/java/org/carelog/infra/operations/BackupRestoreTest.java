package org.carelog.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backs up a real Carelog schema full of awkward data on one embedded PostgreSQL and restores it into
 * a second one, then compares everything: rows, bytes, sequences.
 */
class BackupRestoreTest {

    /** Bangla with a zero-width joiner (র‍্যাব) and a zero-width non-joiner. */
    private static final String BANGLA = "মোহাম্মদ র\u200D্যাব রহমান\u200Cচৌধুরী";

    private static final String AWKWARD_TEXT = "line one\nline two\r\n\ttab \\ backslash \\. end-of-copy marker \\N";

    @TempDir
    static Path work;

    private static EmbeddedPostgres source;
    private static EmbeddedPostgres target;
    private static DatabaseTarget sourceDb;
    private static Path backup;

    @BeforeAll
    static void backUpAFullSourceDatabase() throws Exception {
        BackupTool.quietLogging();
        source = start(work.resolve("source"));
        target = start(work.resolve("target"));
        sourceDb = newDatabase(source, "carelog");
        migrate(sourceDb);
        fill(sourceDb);
        backup = work.resolve("carelog-backup.zip");
        DatabaseBackup.run(sourceDb, backup, Progress.silent());
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void restoresEveryRowByteAndSequenceIntoAFreshServer() throws Exception {
        DatabaseTarget restored = newDatabase(target, "restored");

        DatabaseRestore.Result result;
        try (BackupArchive archive = BackupArchive.open(backup)) {
            result = DatabaseRestore.run(restored, archive, Progress.silent());
        }

        assertThat(result.tables()).allSatisfy(t -> assertThat(t.actual()).isEqualTo(t.expected()));
        assertThat(result.tables())
                .extracting(DatabaseRestore.TableCount::table)
                .as("every table of the schema, as the catalog lists it")
                .containsExactlyInAnyOrderElementsOf(contents(sourceDb).keySet())
                .contains("domainevententry", "patient_match", "staff_user", "tokenentry");
        assertThat(result.tables())
                .filteredOn(t -> t.table().equals("domainevententry"))
                .singleElement()
                .satisfies(t -> assertThat(t.actual()).isEqualTo(5_000));
        assertThat(contents(restored)).isEqualTo(contents(sourceDb));
        assertThat(sequences(restored)).isEqualTo(sequences(sourceDb)).containsKeys("patient_mrn_seq");
        String sourceVersion;
        try (Connection c = sourceDb.connect()) {
            sourceVersion = Catalog.schemaVersion(c).orElseThrow().getVersion();
        }
        try (Connection c = restored.connect()) {
            assertThat(Catalog.schemaVersion(c))
                    .as("restored to the backup's schema version")
                    .hasValueSatisfying(v -> assertThat(v.getVersion()).isEqualTo(sourceVersion));
            assertThat(bytes(c, "select payload from domainevententry where eventidentifier = 'all-bytes'"))
                    .isEqualTo(allByteValues());
            assertThat(bytes(c, "select secret from token_signing_key")).isEqualTo(allByteValues());
            assertThat(string(c, "select display_name from staff_user where username = 'bangla'"))
                    .isEqualTo(BANGLA);
            assertThat(string(c, "select address_line from patient_directory order by mrn_sequence limit 1"))
                    .isEqualTo(AWKWARD_TEXT);
        }

        DatabaseVerification.Result verified;
        try (BackupArchive archive = BackupArchive.open(backup)) {
            verified = DatabaseVerification.run(restored, archive, true, Progress.silent());
        }
        assertThat(verified.matches()).isTrue();
        assertThat(verified.tables())
                .allSatisfy(t -> assertThat(t.content()).isEqualTo(DatabaseVerification.Content.SAME));

        // Numbers handed out before the backup are never handed out again.
        long lastMrn = sequences(sourceDb).get("patient_mrn_seq");
        long lastGlobalIndex = sequences(sourceDb).get("domainevententry_globalindex_seq");
        try (Connection c = restored.connect()) {
            assertThat(longValue(c, "select nextval('patient_mrn_seq')")).isEqualTo(lastMrn + 1);
            insertEvent(c, UUID.randomUUID().toString(), 0, "after-restore", new byte[] {1});
            assertThat(longValue(c, "select globalindex from domainevententry where eventidentifier = 'after-restore'"))
                    .isEqualTo(lastGlobalIndex + 1)
                    .isGreaterThan(longValue(
                            c,
                            "select max(globalindex) from domainevententry where eventidentifier <> 'after-restore'"));
        }
        try (BackupArchive archive = BackupArchive.open(backup)) {
            verified = DatabaseVerification.run(restored, archive, true, Progress.silent());
        }
        assertThat(verified.matches()).isFalse();
        assertThat(verified.tables())
                .filteredOn(t -> !t.matches())
                .extracting(DatabaseVerification.TableCheck::table)
                .containsExactly("domainevententry");
    }

    @Test
    void refusesToRestoreIntoADatabaseThatHoldsDataAndChangesNothing() throws Exception {
        DatabaseTarget occupied = newDatabase(target, "occupied");
        migrate(occupied);
        try (Connection c = occupied.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into staff_user (id, username, password_hash, role, display_name)"
                    + " values (gen_random_uuid(), 'admin', '{noop}x', 'ADMIN', 'Administrator')");
        }
        Map<String, String> before = contents(occupied);
        Map<String, Long> sequencesBefore = sequences(occupied);

        try (BackupArchive archive = BackupArchive.open(backup)) {
            assertThatThrownBy(() -> DatabaseRestore.run(occupied, archive, Progress.silent()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("not empty")
                    .hasMessageContaining("staff_user");
        }

        assertThat(contents(occupied)).isEqualTo(before);
        assertThat(sequences(occupied)).isEqualTo(sequencesBefore);
    }

    @Test
    void refusesAnArchiveWithAFlippedByteBeforeTouchingTheDatabase() throws Exception {
        Path damaged = work.resolve("flipped.zip");
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(damaged, bytes);
        DatabaseTarget fresh = newDatabase(target, "flipped");

        assertThatThrownBy(() -> {
                    try (BackupArchive archive = BackupArchive.open(damaged)) {
                        DatabaseRestore.run(fresh, archive, Progress.silent());
                    }
                })
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("damaged");

        assertUntouched(fresh);
    }

    @Test
    void refusesAnArchiveWhoseDataDoesNotMatchItsChecksum() throws Exception {
        // Rewritten with valid zip CRCs: only the manifest's SHA-256 can tell.
        Path tampered = work.resolve("tampered.zip");
        rewrite(backup, tampered, "data/patient_match.copy", data -> {
            String text = new String(data, StandardCharsets.UTF_8);
            return text.replaceFirst("0171", "0181").getBytes(StandardCharsets.UTF_8);
        });
        DatabaseTarget fresh = newDatabase(target, "tampered");

        assertThatThrownBy(() -> {
                    try (BackupArchive archive = BackupArchive.open(tampered)) {
                        DatabaseRestore.run(fresh, archive, Progress.silent());
                    }
                })
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("SHA-256 of table patient_match");

        assertUntouched(fresh);
    }

    @Test
    void takesOneConsistentSnapshotWhileCarelogKeepsWriting() throws Exception {
        DatabaseTarget busy = newDatabase(source, "busy");
        migrate(busy);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        CountDownLatch warmedUp = new CountDownLatch(1);
        List<Throwable> writerFailure = new ArrayList<>();
        // Every transaction appends an event and its snapshot together: a consistent copy has as many of each.
        Thread writer = new Thread(() -> {
            try (Connection c = busy.connect()) {
                c.setAutoCommit(false);
                while (!stop.get()) {
                    String aggregate = UUID.randomUUID().toString();
                    insertEvent(c, aggregate, 0, aggregate, new byte[] {7, 0, 7});
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into snapshotevententry (aggregateidentifier, sequencenumber, type,"
                                    + " eventidentifier, payload, payloadtype, timestamp)"
                                    + " values (?, 0, 'Patient', ?, '\\x00', 'Snap', '2024-01-01T00:00:00Z')")) {
                        ps.setString(1, aggregate);
                        ps.setString(2, "snap-" + aggregate);
                        ps.executeUpdate();
                    }
                    c.commit();
                    if (written.incrementAndGet() == 300) {
                        warmedUp.countDown();
                    }
                }
            } catch (Throwable e) {
                writerFailure.add(e);
                warmedUp.countDown();
            }
        });
        writer.start();
        Path snapshot = work.resolve("busy.zip");
        BackupManifest manifest;
        long writtenBeforeBackup;
        try {
            assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
            writtenBeforeBackup = written.get();
            manifest = DatabaseBackup.run(busy, snapshot, Progress.silent());
        } finally {
            stop.set(true);
            writer.join();
        }

        assertThat(writerFailure).isEmpty();
        assertThat(rows(manifest, "domainevententry"))
                .isGreaterThanOrEqualTo(writtenBeforeBackup)
                .isEqualTo(rows(manifest, "snapshotevententry"));

        DatabaseTarget restored = newDatabase(target, "busy_restored");
        try (BackupArchive archive = BackupArchive.open(snapshot)) {
            DatabaseRestore.run(restored, archive, Progress.silent());
        }
        try (Connection c = restored.connect()) {
            assertThat(longValue(c, "select count(*) from domainevententry"))
                    .isEqualTo(rows(manifest, "domainevententry"));
            long max = longValue(c, "select max(globalindex) from domainevententry");
            assertThat(longValue(c, "select nextval('domainevententry_globalindex_seq')"))
                    .isGreaterThan(max);
        }
    }

    @Test
    void commandLineBacksUpVerifiesAndRestoresIntoAnEmbeddedDataDirectory() throws Exception {
        Path file = work.resolve("cli.zip");
        Map<String, String> env = Map.of("CARELOG_DB_URL", sourceDb.url(), "CARELOG_DB_USER", "postgres");

        Run backedUp = cli(env, "backup", file.toString());
        assertThat(backedUp.code()).as(backedUp.err()).isEqualTo(BackupTool.OK);
        assertThat(backedUp.out()).contains("Backup complete").contains("domainevententry");

        Run again = cli(env, "backup", file.toString());
        assertThat(again.code()).isEqualTo(BackupTool.FAILED);
        assertThat(again.err()).contains("already exists");

        Run verified = cli(Map.of(), "verify", file.toString(), "--url", sourceDb.url(), "--user", "postgres");
        assertThat(verified.code()).as(verified.err()).isEqualTo(BackupTool.OK);
        assertThat(verified.out()).contains("The database matches the backup.");

        Path dataDirectory = work.resolve("carelog-data");
        Run restored = cli(Map.of(), "restore", file.toString(), "--data-dir", dataDirectory.toString());
        assertThat(restored.code()).as(restored.err()).isEqualTo(BackupTool.OK);
        assertThat(restored.out()).contains("Restore complete").contains("row counts match the backup");

        Run restoredVerified = cli(Map.of(), "verify", file.toString(), "--data-dir", dataDirectory.toString());
        assertThat(restoredVerified.code()).as(restoredVerified.err()).isEqualTo(BackupTool.OK);
        assertThat(restoredVerified.out()).contains("The database matches the backup.");

        Run refused = cli(Map.of(), "restore", file.toString(), "--data-dir", dataDirectory.toString());
        assertThat(refused.code()).isEqualTo(BackupTool.FAILED);
        assertThat(refused.err()).contains("not empty");

        assertThat(cli(Map.of(), "backup").code()).isEqualTo(BackupTool.USAGE);
        assertThat(cli(Map.of(), "restore", "x.zip", "--url", "u", "--data-dir", "d")
                        .code())
                .isEqualTo(BackupTool.USAGE);
    }

    // --- the servers and their data ---

    private static EmbeddedPostgres start(Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(0)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
    }

    private static DatabaseTarget newDatabase(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        return new DatabaseTarget(server.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static void migrate(DatabaseTarget db) {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations(DatabaseRestore.MIGRATIONS)
                .load()
                .migrate();
    }

    private static void fill(DatabaseTarget db) throws SQLException {
        Random random = new Random(20240321);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into staff_user (id, username, password_hash, role, display_name, enabled, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")) {
                addStaff(ps, "bangla", BANGLA, true, "2024-02-29T17:59:59.123456Z");
                addStaff(ps, "latin", "Dr. O'Brien \"Quoted\"", false, "1999-12-31T23:59:59.999999Z");
                addStaff(ps, "awkward", AWKWARD_TEXT, true, "2030-06-15T00:00:00Z");
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into token_signing_key (id, secret) values (1, ?)")) {
                ps.setBytes(1, allByteValues());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into command_idempotency (username, idempotency_key, command_name, result, result_type)"
                            + " values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 50; i++) {
                    ps.setString(1, i % 2 == 0 ? "bangla" : "latin");
                    ps.setString(2, "কী-" + i);
                    ps.setString(3, "RegisterPatient");
                    ps.setBytes(4, i % 5 == 0 ? null : randomBytes(random, 40));
                    ps.setString(5, i % 5 == 0 ? null : "PatientRegistered");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            fillPatients(c, random);
            fillEvents(c, random);
            try (Statement s = c.createStatement()) {
                // Numbers taken but never used (a failed registration) must stay taken after a restore.
                s.execute("select nextval('patient_mrn_seq') from generate_series(1, 3)");
                s.execute("select nextval('domainevententry_globalindex_seq') from generate_series(1, 3)");
                s.execute("insert into tokenentry (processorname, segment, token, tokentype, timestamp, owner)"
                        + " values ('patient-directory', 0, '\\x7b7d', 'GlobalSequenceTrackingToken', 'now', null),"
                        + " ('patient-directory', 1, null, null, null, 'node-১')");
                s.execute("insert into sagaentry values ('saga-1', null, 'BillingSaga', '\\x00ff00ff')");
                s.execute("insert into associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                        + " select 'invoiceId', 'inv-' || g, 'saga-1', 'BillingSaga' from generate_series(1, 5) g");
                s.execute("delete from associationvalueentry where associationvalue = 'inv-5'");
                s.execute("insert into deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier,"
                        + " sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat,"
                        + " causemessage) values ('dl-1', 'patient-directory', 'p-1', 0, 'DomainEventMessage',"
                        + " 'e-1', '2024-01-01T00:00:00Z', 'PatientRegistered', '\\x00', '2024-01-01T00:00:01Z', "
                        + "'বার্তা failed:\ttab')");
            }
            c.commit();
        }
    }

    private static void addStaff(PreparedStatement ps, String username, String name, boolean enabled, String at)
            throws SQLException {
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, username);
        ps.setString(3, "{bcrypt}$2a$10$" + username);
        ps.setString(4, "RECEPTIONIST");
        ps.setString(5, name);
        ps.setBoolean(6, enabled);
        ps.setTimestamp(7, Timestamp.from(Instant.parse(at)));
        ps.addBatch();
    }

    private static void fillPatients(Connection c, Random random) throws SQLException {
        try (PreparedStatement match = c.prepareStatement("insert into patient_match values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement directory = c.prepareStatement(
                        """
                        insert into patient_directory (patient_id, mrn, mrn_sequence, name_bn, name_en, search_key,
                            sex, birth_date, birth_date_estimated, phone, address_line, sms_consent, email_consent,
                            registered_at, updated_at)
                        values (?, ?, nextval('patient_mrn_seq'), ?, ?, ?, ?, ?, ?, ?, ?, true, false, ?, ?)
                        """);
                PreparedStatement identifier =
                        c.prepareStatement("insert into patient_identifier values ('NID', ?, ?)")) {
            for (int i = 0; i < 300; i++) {
                UUID id = UUID.randomUUID();
                String mrn = "CLG-" + (i + 1);
                String nameBn = i % 3 == 0 ? null : BANGLA + " " + i;
                String phone = i % 4 == 0 ? null : "+88017" + (10000000 + random.nextInt(89999999));
                Array keys = c.createArrayOf(
                        "text",
                        i % 10 == 0
                                ? new String[0]
                                : new String[] {
                                    "rahman", null, "with,comma", "quote\"s", "back\\slash", "{brace}", "", BANGLA
                                });
                match.setObject(1, id);
                match.setString(2, mrn);
                match.setString(3, nameBn);
                match.setString(4, "Rahman " + i);
                match.setArray(5, keys);
                match.setObject(6, i % 5 == 0 ? null : LocalDate.of(1950 + i % 70, 1 + i % 12, 1 + i % 28));
                match.setString(7, phone);
                match.addBatch();
                directory.setObject(1, id);
                directory.setString(2, mrn);
                directory.setString(3, nameBn);
                directory.setString(4, "Rahman " + i);
                directory.setString(5, "rahman " + i);
                directory.setString(6, i % 2 == 0 ? "FEMALE" : null);
                directory.setObject(7, i % 5 == 0 ? null : LocalDate.of(1950 + i % 70, 1 + i % 12, 1 + i % 28));
                directory.setBoolean(8, i % 7 == 0);
                directory.setString(9, phone);
                directory.setString(10, i == 0 ? AWKWARD_TEXT : "বাড়ি " + i + ", ঢাকা");
                Timestamp registered = Timestamp.from(
                        Instant.parse("2024-03-01T04:00:00Z").plusNanos(1_000L * random.nextInt(1_000_000_000)));
                directory.setTimestamp(11, registered);
                directory.setTimestamp(12, registered);
                directory.addBatch();
                identifier.setString(1, String.valueOf(1_000_000_000L + i));
                identifier.setObject(2, id);
                identifier.addBatch();
            }
            match.executeBatch();
            directory.executeBatch();
            identifier.executeBatch();
        }
    }

    private static void fillEvents(Connection c, Random random) throws SQLException {
        insertEvent(c, UUID.randomUUID().toString(), 0, "all-bytes", allByteValues());
        String aggregate = null;
        for (int i = 1; i < 5_000; i++) {
            if (i % 10 == 1) {
                aggregate = UUID.randomUUID().toString();
            }
            byte[] payload = randomBytes(random, 64 + random.nextInt(448));
            insertEvent(c, aggregate, i % 10, "event-" + i, payload);
        }
        try (Statement s = c.createStatement()) {
            s.execute("update domainevententry set metadata = null where globalindex % 7 = 0");
            s.execute("insert into snapshotevententry select aggregateidentifier, sequencenumber, type,"
                    + " 'snapshot-' || eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp"
                    + " from domainevententry where globalindex % 100 = 0");
        }
    }

    private static void insertEvent(Connection c, String aggregate, long sequence, String eventId, byte[] payload)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) values (?, ?, 'Patient', ?, ?, ?, '1', ?, ?)")) {
            ps.setString(1, aggregate);
            ps.setLong(2, sequence);
            ps.setString(3, eventId);
            ps.setBytes(4, ("{\"user\":\"" + BANGLA + "\"}").getBytes(StandardCharsets.UTF_8));
            ps.setBytes(5, payload);
            ps.setString(6, "org.carelog.api.patient.PatientRegistered");
            ps.setString(
                    7,
                    Instant.ofEpochSecond(1_700_000_000L + sequence, 123_456_789)
                            .toString());
            ps.executeUpdate();
        }
    }

    // --- comparing ---

    /** Per table: row count and an MD5 of every row's text, sorted bytewise (physical order does not count). */
    private static Map<String, String> contents(DatabaseTarget db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (Catalog.Table table : Catalog.tables(c)) {
                out.put(
                        table.name(),
                        string(
                                c,
                                "select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text"
                                        + " collate \"C\"), '')) from " + Catalog.qualified(table.name()) + " t"));
            }
        }
        return out;
    }

    /** last_value of every sequence, negated while it has not been called yet. */
    private static Map<String, Long> sequences(DatabaseTarget db) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (String sequence : Catalog.sequences(c)) {
                BackupManifest.SequenceValue value = Catalog.sequenceValue(c, sequence);
                out.put(sequence, value.isCalled() ? value.lastValue() : -value.lastValue());
            }
        }
        return out;
    }

    private static void assertUntouched(DatabaseTarget db) throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(Catalog.tables(c)).isEmpty();
            assertThat(Catalog.exists(c, Catalog.FLYWAY_HISTORY)).isFalse();
        }
    }

    private static long rows(BackupManifest manifest, String table) {
        return manifest.tables().stream()
                .filter(t -> t.name().equals(table))
                .findFirst()
                .orElseThrow()
                .rows();
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long longValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private interface Transform {
        byte[] apply(byte[] data);
    }

    private static void rewrite(Path from, Path to, String entryName, Transform transform) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            boolean changed = false;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream stream = in.getInputStream(entry)) {
                    data = stream.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    byte[] altered = transform.apply(data);
                    changed = !java.util.Arrays.equals(altered, data);
                    data = altered;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
            assertThat(changed).as("the test changed " + entryName).isTrue();
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupTool.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
