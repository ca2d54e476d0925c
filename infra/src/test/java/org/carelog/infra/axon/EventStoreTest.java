package org.carelog.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.carelog.infra.privacy.PersonalDataSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event store as DESIGN.md and PITFALLS.md require it: durable, bytea, no gaps by allocation. */
class EventStoreTest extends IntegrationTest {

    @Autowired
    Serializer serializer;

    @Autowired
    ObjectMapper webMapper;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    CommandBus commandBus;

    @Test
    void theEmbeddedDatabaseRunsDurably() {
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            assertThat(jdbc.queryForObject("show " + setting, String.class))
                    .as(setting)
                    .isEqualTo("on");
        }
    }

    @Test
    void payloadsAreByteaAndNoLargeObjectIsEverCreated() {
        json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { mrn } }",
                Map.of("input", PatientFixtures.registration(unique()))));
        assertThat(jdbc.queryForList(
                        "select data_type from information_schema.columns where table_name in"
                                + " ('domainevententry', 'snapshotevententry', 'tokenentry', 'sagaentry', 'deadletterentry')"
                                + " and column_name in ('payload', 'metadata', 'token', 'serializedsaga', 'diagnostics')",
                        String.class))
                .hasSizeGreaterThanOrEqualTo(8)
                .containsOnly("bytea");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Integer.class))
                .isZero();
    }

    @Test
    void theGlobalIndexHasItsOwnSequenceWithoutAllocationGaps() {
        assertThat(jdbc.queryForObject(
                        "select increment_by from pg_sequences where sequencename = 'domainevententry_globalindex_seq'",
                        Long.class))
                .isEqualTo(1);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void eventsAreSerialisedWithAMapperOfTheirOwnNotTheWebOne() {
        json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { mrn } }",
                Map.of("input", PatientFixtures.registration(unique()))));
        assertThat(serializer).isInstanceOf(PersonalDataSerializer.class);
        Serializer jackson = ((PersonalDataSerializer) serializer).delegate();
        assertThat(jackson).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) jackson).getObjectMapper()).isNotSameAs(webMapper);
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domainevententry where payloadtype ="
                        + " 'org.carelog.api.patient.PatientRegistered' limit 1",
                String.class);
        assertThat(payload).contains("\"patientId\"").doesNotContain("@class");
        assertThat(jdbc.queryForObject(
                        "select payloadrevision from domainevententry where payloadtype ="
                                + " 'org.carelog.api.patient.PatientRegistered' limit 1",
                        String.class))
                .isEqualTo("1");
    }

    @Test
    void axonServerIsOffByDefaultAndTokensLiveInTheSameDatabase() {
        assertThat(commandBus).isInstanceOf(SimpleCommandBus.class);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from tokenentry where processorname = 'patient-directory'", Integer.class))
                .isPositive());
    }
}
