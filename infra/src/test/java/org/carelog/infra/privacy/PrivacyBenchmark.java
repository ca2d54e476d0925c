package org.carelog.infra.privacy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientRegistered;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cost of encrypting personal data, side by side with plain Jackson in one run (not a test: run it
 * by hand, see docs/PERFORMANCE.md, "Privacy"). Measures per PatientRegistered:
 *
 * <ol>
 *   <li>registration: serialize for a new patient (a new key made and wrapped each time) then read back;
 *   <li>steady state: serialize and read back with the patient's key cached;
 *   <li>replay: read back stored events of many patients, keys cached (what a read-model rebuild does).
 * </ol>
 *
 * The in-process rounds keep keys in memory; the stored registrations (first) use PostgreSQL and the
 * JDBC key store, so the insert of each new key is counted there.
 */
public final class PrivacyBenchmark {

    private static final int PATIENTS = 20_000;
    private static final int ROUNDS = 5;
    private static final int STORED_REGISTRATIONS = 4_000;
    private static final int THREADS = 4;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PrivacyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Serializer plain = PersonalDataSerializerTest.jackson();
        List<PatientRegistered> events = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            events.add(PersonalDataSerializerTest.registered(
                    PatientId.random(),
                    "Benchmark Patient",
                    String.format("017%08d", i),
                    String.format("%010d", 1_000_000_000L + i),
                    "House " + i + ", Road 4"));
        }
        storedRegistrations(plain);
        for (int round = 1; round <= ROUNDS; round++) {
            SubjectKeyring keys = new SubjectKeyring(
                    MasterKey.parse(MasterKey.generateEncoded()), new InMemorySubjectKeyStore(), PATIENTS);
            Serializer encrypting = PersonalDataSerializerTest.serializer(keys);

            double plainRoundTrip = roundTrips(plain, events);
            double firstUse = roundTrips(encrypting, events); // every patient new: a key is made
            double cached = roundTrips(encrypting, events); // keys cached
            List<SerializedObject<byte[]>> stored = serializeAll(encrypting, events);
            List<SerializedObject<byte[]>> storedPlain = serializeAll(plain, events);
            double replayPlain = reads(plain, storedPlain);
            double replay = reads(encrypting, stored);
            System.out.printf(
                    "round %d: round trips/s plain %,.0f | encrypted, new key each %,.0f (%.0f %%) | encrypted,"
                            + " key cached %,.0f (%.0f %%) || replay reads/s plain %,.0f | decrypting %,.0f (%.0f %%)%n",
                    round,
                    plainRoundTrip,
                    firstUse,
                    100 * firstUse / plainRoundTrip,
                    cached,
                    100 * cached / plainRoundTrip,
                    replayPlain,
                    replay,
                    100 * replay / replayPlain);
        }
    }

    /**
     * Registrations as the database sees them: per patient one transaction on a durable embedded
     * PostgreSQL (fsync on) with the statements the application runs (idempotency claim and result,
     * identifier claim, phone lock, duplicate lookup, MRN, match facts) and the PatientRegistered append;
     * with encryption the new key's row too. No HTTP, GraphQL or Axon command bus.
     * Four threads; plain and encrypted alternate, each measured three times.
     */
    private static void storedRegistrations(Serializer plain) throws Exception {
        Path directory = Files.createTempDirectory("carelog-privacy-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            SubjectKeyring keys = new SubjectKeyring(
                    MasterKey.parse(MasterKey.generateEncoded()),
                    new JdbcSubjectKeyStore(new JdbcTemplate(dataSource)),
                    10_000);
            Serializer encrypting = PersonalDataSerializerTest.serializer(keys);
            Serializer keysInMemory = PersonalDataSerializerTest.serializer(new SubjectKeyring(
                    MasterKey.parse(MasterKey.generateEncoded()), new InMemorySubjectKeyStore(), 10_000));
            for (int round = 1; round <= 4; round++) {
                // Alternating which goes first keeps drift of the shared machine from favouring one.
                double plainRate = 0;
                double encryptedRate;
                if (round % 2 == 1) {
                    plainRate = register(dataSource, transactions, plain);
                    encryptedRate = register(dataSource, transactions, encrypting);
                } else {
                    encryptedRate = register(dataSource, transactions, encrypting);
                    plainRate = register(dataSource, transactions, plain);
                }
                double withoutKeyRows = register(dataSource, transactions, keysInMemory);
                System.out.printf(
                        "stored registrations/s (%d threads, fsync on): plain %,.0f | encrypted, new key stored each"
                                + " %,.0f (%.0f %%) | encrypted, keys not stored (cost of the key row) %,.0f (%.0f %%)%n",
                        THREADS,
                        plainRate,
                        encryptedRate,
                        100 * encryptedRate / plainRate,
                        withoutKeyRows,
                        100 * withoutKeyRows / plainRate);
            }
        }
    }

    private static double register(DataSource dataSource, TransactionTemplate transactions, Serializer serializer)
            throws Exception {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < STORED_REGISTRATIONS / THREADS; i++) {
                        long n = SEQUENCE.incrementAndGet();
                        PatientId id = PatientId.random();
                        PatientRegistered event = PersonalDataSerializerTest.registered(
                                id,
                                "Stored Patient",
                                String.format("018%08d", n % 100_000_000L),
                                String.format("%010d", 2_000_000_000L + n),
                                "House " + n);
                        transactions.executeWithoutResult(status -> {
                            otherStatementsOfARegistration(jdbc, id, n);
                            engine.appendEvents(new GenericDomainEventMessage<>("Patient", id.toString(), 0, event));
                            jdbc.update(
                                    "update command_idempotency set result = ? where username = 'bench'"
                                            + " and idempotency_key = ?",
                                    new byte[] {1},
                                    "key-" + n);
                        });
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
            return STORED_REGISTRATIONS / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the application does in a registration's transaction besides the append (JdbcPatientRegistry). */
    private static void otherStatementsOfARegistration(JdbcTemplate jdbc, PatientId id, long n) {
        jdbc.update(
                "insert into command_idempotency (username, idempotency_key, command_name) values ('bench', ?, ?)",
                "key-" + n,
                "RegisterPatient");
        jdbc.update(
                "insert into patient_identifier (kind, value, patient_id) values ('NATIONAL_ID', ?, ?)"
                        + " on conflict do nothing",
                String.format("%017d", n),
                id.value());
        String phone = String.format("+88018%08d", n % 100_000_000L);
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "phone:" + phone);
        jdbc.queryForList("select patient_id from patient_match where phone = ? limit 50", phone);
        Long mrn = jdbc.queryForObject("select nextval('patient_mrn_seq')", Long.class);
        jdbc.update(
                "insert into patient_match (patient_id, mrn, name_en, name_keys, phone) values (?, ?, ?, ?::text[], ?)",
                id.value(),
                "CLG-" + mrn,
                "Stored Patient",
                "{strdptnt}",
                phone);
    }

    private static double roundTrips(Serializer serializer, List<PatientRegistered> events) {
        long start = System.nanoTime();
        long check = 0;
        for (PatientRegistered event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            PatientRegistered read = serializer.deserialize(stored);
            check += read.mrn().sequence();
        }
        return perSecond(events.size(), start, check);
    }

    private static List<SerializedObject<byte[]>> serializeAll(Serializer serializer, List<PatientRegistered> events) {
        List<SerializedObject<byte[]>> stored = new ArrayList<>(events.size());
        for (PatientRegistered event : events) {
            stored.add(serializer.serialize(event, byte[].class));
        }
        return stored;
    }

    private static double reads(Serializer serializer, List<SerializedObject<byte[]>> stored) {
        long start = System.nanoTime();
        long check = 0;
        for (SerializedObject<byte[]> event : stored) {
            PatientRegistered read = serializer.deserialize(event);
            check += read.mrn().sequence();
        }
        return perSecond(stored.size(), start, check);
    }

    private static double perSecond(int count, long start, long check) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (check == 42) {
            System.out.print(""); // keeps the results alive
        }
        return count / seconds;
    }
}
