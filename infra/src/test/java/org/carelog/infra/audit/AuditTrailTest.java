package org.carelog.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.operations.BackupTool;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The hash chains over the event store and the staff audit, over HTTP against PostgreSQL. A context of its own
 * (its own database): tests here tamper with rows, and other tests change events on purpose. Each test puts back
 * what it tampered with, so the trail is intact between tests.
 */
@TestPropertySource(properties = "carelog.audit.seal-interval=PT0.05S")
class AuditTrailTest extends IntegrationTest {

    private static final String VERIFY = "{ verifyAuditTrail { intact eventsChecked gapsChecked eventsUnsealed"
            + " auditRecordsChecked auditRecordsUnsealed checkpointsChecked eventHeadHash auditHeadHash"
            + " firstBrokenLink { chain position reason } } }";
    private static final String VERIFY_AGAINST = "query($anchor: [SignedCheckpointInput!]) {"
            + " verifyAuditTrail(anchor: $anchor) { intact checkpointsChecked firstBrokenLink { chain position reason } } }";
    private static final String ANCHOR =
            "{ auditAnchor { checkpoints { chain position headHash signedAt keyId signature } } }";
    private static final Path KEY_FILE = Path.of("target/it-keys/audit-signing.key");
    private static final String REGISTER =
            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input)" + " { patientId } }";
    private static final String CREATE_USER =
            "mutation($input: CreateStaffUserInput!) { createStaffUser(input:" + " $input) { user { username } } }";

    @Autowired
    private EventSealer sealer;

    @Autowired
    private CheckpointSigner signer;

    @Autowired
    private StaffAuditSeal staffAuditSeal;

    @Autowired
    private AuditProperties properties;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @TempDir
    Path work;

    @Test
    void anEventCommittedAfterAHigherGlobalIndexIsSealedInItsPlaceNotSkipped() throws Exception {
        registerPatient();
        awaitEventsSealed();
        long lower;
        try (Connection slow = jdbc.getDataSource().getConnection()) {
            slow.setAutoCommit(false);
            String id = "committed-late-" + unique();
            try (PreparedStatement insert = slow.prepareStatement("insert into domainevententry"
                    + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                    + " payloadrevision, payloadtype, timestamp) values (?, 0, 'Forged', ?, '{}'::bytea, '{}'::bytea,"
                    + " null, 'org.carelog.test.Forged', '2026-01-01T00:00:00Z') returning globalindex")) {
                insert.setString(1, id);
                insert.setString(2, id);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    lower = rs.getLong(1);
                }
            }
            assertThat(registerPatient()).isGreaterThan(lower);
            // the first pass notes the missing index, the second finds its transaction still open
            sealer.seal();
            sealer.seal();
            assertThat(jdbc.queryForObject("select max(globalindex) from event_seal", Long.class))
                    .as("sealing waits at the index of the open transaction")
                    .isLessThan(lower);
            slow.commit();
        }
        awaitEventsSealed();
        assertThat(jdbc.queryForObject(
                        "select eventidentifier from event_seal where globalindex = ?", String.class, lower))
                .startsWith("committed-late-");
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aChangedEventIsTheFirstBrokenLinkUntilItIsPutBack() {
        registerPatient();
        long index = registerPatient();
        registerPatient();
        awaitEventsSealed();
        JsonNode before = verify(Role.AUDITOR);
        assertThat(before.path("intact").asBoolean()).as("%s", before).isTrue();
        assertThat(before.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(before.path("firstBrokenLink").isNull()).isTrue();

        byte[] metadata =
                jdbc.queryForObject("select metadata from domainevententry where globalindex = ?", byte[].class, index);
        byte[] changed = metadata.clone();
        changed[changed.length / 2] ^= 0x01;
        jdbc.update("update domainevententry set metadata = ? where globalindex = ?", changed, index);
        try {
            JsonNode after = verify(Role.ADMIN);
            assertThat(after.path("intact").asBoolean()).as("%s", after).isFalse();
            assertThat(after.at("/firstBrokenLink/chain").asText()).isEqualTo("EVENT_STORE");
            assertThat(after.at("/firstBrokenLink/position").asLong()).isEqualTo(index);
            assertThat(after.at("/firstBrokenLink/reason").asText()).contains("changed after sealing");
        } finally {
            jdbc.update("update domainevententry set metadata = ? where globalindex = ?", metadata, index);
        }
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsReportedAtItsGlobalIndex() {
        long index = registerPatient();
        registerPatient();
        awaitEventsSealed();
        String saved = "tampered_event_" + unique();
        jdbc.execute("create table " + saved + " as select * from domainevententry where globalindex = " + index);
        try {
            jdbc.update("delete from domainevententry where globalindex = ?", index);
            JsonNode report = verify(Role.AUDITOR);
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/chain").asText()).isEqualTo("EVENT_STORE");
            assertThat(report.at("/firstBrokenLink/position").asLong()).isEqualTo(index);
            assertThat(report.at("/firstBrokenLink/reason").asText()).contains("deleted");
        } finally {
            jdbc.execute("insert into domainevententry select * from " + saved);
            jdbc.execute("drop table " + saved);
        }
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRolledBackGlobalIndexIsSealedAsAGapAndAnEventSlippedIntoItIsReported() {
        long lost = jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
        assertThat(registerPatient()).isGreaterThan(lost);
        awaitEventsSealed();
        assertThat(jdbc.queryForObject(
                        "select eventidentifier is null from event_seal where globalindex = ?", Boolean.class, lost))
                .isTrue();
        JsonNode intact = verify(Role.AUDITOR);
        assertThat(intact.path("intact").asBoolean()).as("%s", intact).isTrue();
        assertThat(intact.path("gapsChecked").asLong()).isGreaterThanOrEqualTo(1);

        // a type no handler knows, so the event processors (whose tokens may still wait for this gap) ignore it
        jdbc.update(
                "insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values (?, 'slipped-in-' || ?, 0, 'Forged', 'slipped-in-' || ?, '{}'::bytea,"
                        + " '{}'::bytea, null, 'org.carelog.test.Forged', '2026-01-01T00:00:00Z')",
                lost,
                lost,
                lost);
        try {
            JsonNode report = verify(Role.AUDITOR);
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/position").asLong()).isEqualTo(lost);
            assertThat(report.at("/firstBrokenLink/reason").asText()).contains("sealed gap");
        } finally {
            jdbc.update("delete from domainevententry where globalindex = ?", lost);
        }
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aChangedStaffAuditRecordIsTheFirstBrokenLinkOfItsChain() {
        String username = "audited-" + unique();
        JsonNode created = json(post(
                basic("admin", ADMIN_PASSWORD),
                CREATE_USER,
                Map.of(
                        "input",
                        map(
                                "username",
                                username,
                                "displayName",
                                "Audited",
                                "role",
                                "NURSE",
                                "password",
                                "Marigold-ferry-harbour-2044"))));
        assertThat(created.at("/data/createStaffUser/user/username").asText())
                .as("%s", created)
                .isEqualTo(username);
        long id = jdbc.queryForObject(
                "select id from staff_audit where target = ? and action = 'USER_CREATED'", Long.class, username);
        // sealed in the transaction that wrote the record, not later
        assertThat(jdbc.queryForObject("select count(*) from staff_audit_seal where audit_id = ?", Long.class, id))
                .isEqualTo(1);
        JsonNode before = verify(Role.AUDITOR);
        assertThat(before.path("intact").asBoolean()).as("%s", before).isTrue();
        assertThat(before.path("auditRecordsChecked").asLong()).isGreaterThanOrEqualTo(1);

        asSuperuserWithoutTriggers("update staff_audit set new_value = 'ADMIN' where id = " + id);
        try {
            JsonNode report = verify(Role.AUDITOR);
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/chain").asText()).isEqualTo("STAFF_AUDIT");
            assertThat(report.at("/firstBrokenLink/position").asLong()).isEqualTo(id);
            assertThat(report.at("/firstBrokenLink/reason").asText()).contains("changed after sealing");
        } finally {
            asSuperuserWithoutTriggers("update staff_audit set new_value = 'NURSE' where id = " + id);
        }
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrRemoveSealsOrAuditRecords() {
        registerPatient();
        awaitEventsSealed();
        for (String sql : new String[] {
            "update event_seal set hash = previous_hash",
            "delete from event_seal",
            "truncate event_seal",
            "update staff_audit_seal set hash = previous_hash",
            "delete from staff_audit_seal",
            "truncate staff_audit_seal",
            "update staff_audit set actor = 'someone else'",
            "delete from staff_audit",
            "update audit_checkpoint set head_hash = head_hash",
            "delete from audit_checkpoint",
            "truncate audit_checkpoint",
            "update audit_signing_key set public_key = public_key",
            "delete from audit_signing_key"
        }) {
            assertThatThrownBy(() -> jdbc.execute(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAuditorsAndAdministratorsVerify() {
        for (Role role : new Role[] {Role.RECEPTIONIST, Role.DOCTOR, Role.NURSE, Role.BILLING}) {
            JsonNode response = json(post(credentials(role), VERIFY, Map.of()));
            assertThat(response.at("/errors/0/extensions/code").asText())
                    .as("%s: %s", role, response)
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theCommandLineReportsAnIntactTrailAndABrokenOne() {
        long index = registerPatient();
        awaitEventsSealed();
        String[] database = jdbc.execute((ConnectionCallback<String[]>)
                c -> new String[] {c.getMetaData().getURL(), c.getMetaData().getUserName()});
        String[] command = {
            "verify-audit", "--url", database[0], "--user", database[1], "--signing-key-file", KEY_FILE.toString()
        };
        Cli intact = cli(command);
        assertThat(intact.code()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("The audit trail is intact.");

        byte[] payload =
                jdbc.queryForObject("select payload from domainevententry where globalindex = ?", byte[].class, index);
        jdbc.update("update domainevententry set payload = ? where globalindex = ?", new byte[] {'{', '}'}, index);
        try {
            Cli broken = cli(command);
            assertThat(broken.code()).as(broken.out()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN: EVENT_STORE at position " + index);
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", payload, index);
        }
    }

    @Test
    void aChainRecomputedAfterTamperingNoLongerMatchesItsSignedCheckpoint() {
        registerPatient();
        long index = registerPatient();
        registerPatient();
        awaitEventsSealed();
        long checkpoint = jdbc.queryForObject(
                "select min(position) from audit_checkpoint where chain = 'EVENT_STORE' and position >= ?",
                Long.class,
                index);
        byte[] payload =
                jdbc.queryForObject("select payload from domainevententry where globalindex = ?", byte[].class, index);
        sealer.stop();
        String savedSeals = saveTable("event_seal");
        String savedCheckpoints = saveTable("audit_checkpoint");
        try {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", new byte[] {'{', '}'}, index);
            // what a superuser without the signing key can do: make every hash link again
            recomputeEventChain();

            JsonNode report = verify(Role.AUDITOR);
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/chain").asText()).isEqualTo("EVENT_STORE");
            assertThat(report.at("/firstBrokenLink/position").asLong()).isEqualTo(checkpoint);
            assertThat(report.at("/firstBrokenLink/reason").asText())
                    .as("the links themselves are consistent again: only the signature catches it")
                    .contains("differs from its signed checkpoint");

            // with the newer checkpoints gone too, the running sealer still refuses to sign the rewritten chain
            asSuperuserWithoutTriggers(
                    "delete from audit_checkpoint where chain = 'EVENT_STORE' and position >= " + index);
            registerPatient();
            assertThatThrownBy(() -> sealer.seal()).isInstanceOf(CheckpointSigner.ChainRewritten.class);
            assertThat(jdbc.queryForObject(
                            "select max(position) from audit_checkpoint where chain = 'EVENT_STORE'", Long.class))
                    .isLessThan(index);
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", payload, index);
            restoreTable("event_seal", savedSeals, "true");
            restoreTable("audit_checkpoint", savedCheckpoints, "chain = 'EVENT_STORE'");
            sealer.start();
        }
        awaitEventsSealed();
        assertThat(verify(Role.AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointSignedWithAForeignKeyIsRejected() {
        registerPatient();
        long index = registerPatient();
        awaitEventsSealed();
        byte[] metadata =
                jdbc.queryForObject("select metadata from domainevententry where globalindex = ?", byte[].class, index);
        sealer.stop();
        String savedSeals = saveTable("event_seal");
        String savedCheckpoints = saveTable("audit_checkpoint");
        AuditSigningKeys foreign = AuditSigningKeys.load(AuditSigningKeys.generateEncoded(), work.resolve("unused"));
        try {
            jdbc.update("update domainevententry set metadata = convert_to('{}', 'UTF8') where globalindex = ?", index);
            recomputeEventChain();
            asSuperuserWithoutTriggers(
                    "delete from audit_checkpoint where chain = 'EVENT_STORE' and position >= " + index);
            // the forger signs the new head with a key of their own, its public key stored beside the real one
            new CheckpointSigner(jdbc, Clock.systemUTC(), foreign, List.of())
                    .signHead(AuditTrailVerification.Chain.EVENT_STORE);
            long head = jdbc.queryForObject("select max(globalindex) from event_seal", Long.class);

            JsonNode report = verify(Role.AUDITOR);
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/position").asLong()).isEqualTo(head);
            assertThat(report.at("/firstBrokenLink/reason").asText())
                    .contains(foreign.primaryKeyId())
                    .contains("not a trusted key");
        } finally {
            jdbc.update("update domainevententry set metadata = ? where globalindex = ?", metadata, index);
            restoreTable("event_seal", savedSeals, "true");
            restoreTable("audit_checkpoint", savedCheckpoints, "chain = 'EVENT_STORE'");
            asSuperuserWithoutTriggers("delete from audit_signing_key where key_id = '" + foreign.primaryKeyId() + "'");
            sealer.start();
        }
    }

    @Test
    void anExportedAnchorDetectsATruncatedChainThatOtherwiseVerifies() throws Exception {
        registerPatient();
        awaitEventsSealed();
        long kept = jdbc.queryForObject("select max(globalindex) from event_seal", Long.class);
        registerPatient();
        registerPatient();
        awaitEventsSealed();
        JsonNode anchor =
                json(post(credentials(Role.AUDITOR), ANCHOR, Map.of())).at("/data/auditAnchor/checkpoints");
        assertThat(anchor.findValuesAsText("chain")).contains("EVENT_STORE", "STAFF_AUDIT");
        Path anchorFile = work.resolve("anchor.json");
        Cli exported = cli(database("anchor", anchorFile.toString()));
        assertThat(exported.code()).as(exported.out()).isZero();
        assertThat(anchorFile).content().contains("EVENT_STORE").contains("signature");

        sealer.stop();
        String where = " where globalindex > " + kept;
        String savedEvents = saveTable("domainevententry", where);
        String savedSeals = saveTable("event_seal", where);
        String savedCheckpoints = saveTable("audit_checkpoint", " where chain = 'EVENT_STORE' and position > " + kept);
        try {
            // the whole database rolled back to an earlier, consistent and correctly signed state
            asSuperuserWithoutTriggers("delete from domainevententry" + where);
            asSuperuserWithoutTriggers("delete from event_seal" + where);
            asSuperuserWithoutTriggers(
                    "delete from audit_checkpoint where chain = 'EVENT_STORE' and position > " + kept);
            assertThat(verify(Role.AUDITOR).path("intact").asBoolean())
                    .as("without an anchor a truncated chain is consistent")
                    .isTrue();

            JsonNode report = json(post(credentials(Role.AUDITOR), VERIFY_AGAINST, Map.of("anchor", anchor)))
                    .at("/data/verifyAuditTrail");
            assertThat(report.path("intact").asBoolean()).as("%s", report).isFalse();
            assertThat(report.at("/firstBrokenLink/chain").asText()).isEqualTo("EVENT_STORE");
            assertThat(report.at("/firstBrokenLink/position").asLong()).isGreaterThan(kept);
            assertThat(report.at("/firstBrokenLink/reason").asText()).contains("truncated");

            Cli broken = cli(database(
                    "verify-audit", "--anchor", anchorFile.toString(), "--signing-key-file", KEY_FILE.toString()));
            assertThat(broken.code()).as(broken.out()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN: EVENT_STORE").contains("truncated");
        } finally {
            restoreTable("domainevententry", savedEvents, "false");
            restoreTable("event_seal", savedSeals, "false");
            restoreTable("audit_checkpoint", savedCheckpoints, "false");
            sealer.start();
        }
        Cli intact = cli(
                database("verify-audit", "--anchor", anchorFile.toString(), "--signing-key-file", KEY_FILE.toString()));
        assertThat(intact.code()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("The audit trail is intact.");
    }

    @Test
    void aMalformedAnchorIsRefusedAsBadInput() {
        Map<String, Object> checkpoint = Map.of(
                "chain", "EVENT_STORE",
                "position", 1,
                "headHash", "not-hex",
                "signedAt", "2026-11-24T00:00:00Z",
                "keyId", "0",
                "signature", "AAAA");
        JsonNode response =
                json(post(credentials(Role.AUDITOR), VERIFY_AGAINST, Map.of("anchor", List.of(checkpoint))));
        assertThat(response.at("/errors/0/extensions/code").asText())
                .as("%s", response)
                .isEqualTo("VALIDATION");
        assertThat(response.at("/errors/0/extensions/field").asText()).isEqualTo("anchor");
    }

    @Test
    void afterAKeyRotationCheckpointsOfTheOldKeyStillVerify() throws Exception {
        registerPatient();
        awaitEventsSealed();
        String oldKey = headCheckpointKey();
        Path keyFile = work.resolve("rotated.key");
        Files.copy(KEY_FILE, keyFile);
        String newKey = AuditSigningKeys.rotate(keyFile);
        AuditSigningKeys rotated = AuditSigningKeys.read(keyFile);
        sealer.stop();
        try {
            CheckpointSigner rotatedSigner = new CheckpointSigner(jdbc, Clock.systemUTC(), rotated, List.of());
            EventSealer rotatedSealer = new EventSealer(
                    jdbc,
                    transactionManager,
                    properties,
                    staffAuditSeal,
                    new AccessLogSealer(jdbc, transactionManager, properties, rotatedSigner),
                    rotatedSigner);
            registerPatient();
            long last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                rotatedSealer.seal();
                return jdbc.queryForObject("select max(globalindex) from event_seal", Long.class) >= last;
            });
            assertThat(headCheckpointKey()).isEqualTo(newKey).isNotEqualTo(oldKey);

            AuditTrailVerification.Result both =
                    verifyTrusting(rotated.publicKeys().keySet());
            assertThat(both.intact()).as("%s", both).isTrue();
            assertThat(jdbc.queryForObject(
                            "select count(distinct key_id) from audit_checkpoint where chain = 'EVENT_STORE'",
                            Long.class))
                    .isGreaterThanOrEqualTo(2);

            AuditTrailVerification.Result onlyNew = verifyTrusting(Set.of(newKey));
            assertThat(onlyNew.firstBrokenLink().reason()).contains(oldKey).contains("not a trusted key");
            AuditTrailVerification.Result onlyOld = verifyTrusting(signer.trustedKeyIds());
            assertThat(onlyOld.firstBrokenLink().reason()).contains(newKey).contains("not a trusted key");
        } finally {
            // the application trusts only its own key file: take the rotated key's checkpoints out again
            asSuperuserWithoutTriggers("delete from audit_checkpoint where key_id = '" + newKey + "'");
            asSuperuserWithoutTriggers("delete from audit_signing_key where key_id = '" + newKey + "'");
            sealer.start();
        }
        awaitEventsSealed();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> verify(Role.AUDITOR).path("intact").asBoolean());
    }

    private String headCheckpointKey() {
        return jdbc.queryForObject(
                "select key_id from audit_checkpoint where chain = 'EVENT_STORE' order by position desc limit 1",
                String.class);
    }

    private AuditTrailVerification.Result verifyTrusting(Set<String> trusted) {
        return jdbc.execute((ConnectionCallback<AuditTrailVerification.Result>)
                c -> AuditTrailVerification.verify(c, trusted, List.of()));
    }

    /** Recomputes every hash of event_seal from the stored events with the chain's own code, as a forger would. */
    private void recomputeEventChain() {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            List<Object[]> links = new ArrayList<>();
            byte[] previous = AuditChain.GENESIS;
            try (PreparedStatement q = c.prepareStatement("select s.globalindex, s.eventidentifier, "
                            + AuditChain.EVENT_COLUMNS
                            + " from event_seal s left join domainevententry e on e.globalindex = s.globalindex"
                            + " order by s.globalindex");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    byte[] hash = rs.getString(2) == null
                            ? AuditChain.gapHash(previous, index)
                            : AuditChain.eventHash(previous, rs, 3);
                    links.add(new Object[] {previous, hash, index});
                    previous = hash;
                }
            }
            try (var s = c.createStatement();
                    PreparedStatement u = c.prepareStatement(
                            "update event_seal set previous_hash = ?, hash = ? where globalindex = ?")) {
                s.execute("set session_replication_role = replica");
                try {
                    for (Object[] link : links) {
                        u.setBytes(1, (byte[]) link[0]);
                        u.setBytes(2, (byte[]) link[1]);
                        u.setLong(3, (long) link[2]);
                        u.addBatch();
                    }
                    u.executeBatch();
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            }
            return null;
        });
    }

    private String saveTable(String table) {
        return saveTable(table, "");
    }

    /** Copies rows aside before tampering; {@link #restoreTable} puts them back. */
    private String saveTable(String table, String where) {
        String saved = "saved_" + table + "_" + unique();
        jdbc.execute("create table " + saved + " as select * from " + table + where);
        return saved;
    }

    /** Deletes the rows matching {@code delete} (SQL condition, "false" for none), puts the copy back. */
    private void restoreTable(String table, String saved, String delete) {
        if (!"false".equals(delete)) {
            asSuperuserWithoutTriggers("delete from " + table + " where " + delete);
        }
        asSuperuserWithoutTriggers("insert into " + table + " select * from " + saved + " on conflict do nothing");
        jdbc.execute("drop table " + saved);
    }

    private String[] database(String... args) {
        String[] url = jdbc.execute((ConnectionCallback<String[]>)
                c -> new String[] {c.getMetaData().getURL(), c.getMetaData().getUserName()});
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url[0], "--user", url[1]));
        return all.toArray(String[]::new);
    }

    private long registerPatient() {
        JsonNode response = json(post(
                credentials(Role.RECEPTIONIST), REGISTER, Map.of("input", PatientFixtures.registration(unique()))));
        String patientId = response.at("/data/registerPatient/patientId").asText();
        assertThat(patientId).as("%s", response).isNotEmpty();
        return jdbc.queryForObject(
                "select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                Long.class,
                patientId);
    }

    private void awaitEventsSealed() {
        long last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select coalesce(max(globalindex), 0) from event_seal", Long.class)
                        >= last);
    }

    private JsonNode verify(Role role) {
        JsonNode response = json(post(credentials(role), VERIFY, Map.of()));
        assertThat(response.path("errors").isMissingNode()).as("%s", response).isTrue();
        return response.at("/data/verifyAuditTrail");
    }

    /** The embedded server's user is a superuser: replica mode switches the append-only triggers off. */
    private void asSuperuserWithoutTriggers(String sql) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (var s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                try {
                    s.execute(sql);
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            }
            return null;
        });
    }

    private record Cli(int code, String out) {}

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BackupTool.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8));
    }
}
