package org.carelog.infra.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientRegistered;

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
 * The key store is in memory here, so the database insert of each new key is not counted.
 */
public final class PrivacyBenchmark {

    private static final int PATIENTS = 20_000;
    private static final int ROUNDS = 5;

    private PrivacyBenchmark() {}

    public static void main(String[] args) {
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
