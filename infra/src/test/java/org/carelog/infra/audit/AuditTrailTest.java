package org.carelog.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.operations.BackupTool;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.TestPropertySource;

/**
 * The hash chains over the event store and the staff audit, over HTTP against PostgreSQL. A context of its own
 * (its own database): tests here tamper with rows, and other tests change events on purpose. Each test puts back
 * what it tampered with, so the trail is intact between tests.
 */
@TestPropertySource(properties = "carelog.audit.seal-interval=PT0.05S")
class AuditTrailTest extends IntegrationTest {

    private static final String VERIFY = "{ verifyAuditTrail { intact eventsChecked gapsChecked eventsUnsealed"
            + " auditRecordsChecked auditRecordsUnsealed eventHeadHash auditHeadHash"
            + " firstBrokenLink { chain position reason } } }";
    private static final String REGISTER =
            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input)" + " { patientId } }";
    private static final String CREATE_USER =
            "mutation($input: CreateStaffUserInput!) { createStaffUser(input:" + " $input) { user { username } } }";

    @Autowired
    private EventSealer sealer;

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
            "delete from staff_audit"
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
        String[] command = {"verify-audit", "--url", database[0], "--user", database[1]};
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
