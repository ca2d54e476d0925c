package org.carelog.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carelog.infra.CarelogApplication;
import org.carelog.infra.privacy.PersonalDataSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code axonserver} profile routes commands, queries and events through Axon Server at the
 * configured address, with Carelog's own serializers. No Axon Server can run here, so this checks the
 * wiring, not the traffic: the context is built but its lifecycle is not started (Axon's start handlers
 * would rightly fail without a server).
 */
@SpringBootTest(
        classes = CarelogApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "carelog.database.embedded.port=0",
            "carelog.database.embedded.data-directory=target/it-data/${random.uuid}",
            "AXONSERVER_SERVERS=localhost:18124",
            "AXONSERVER_CONTEXT=carelog-test",
            "axon.axonserver.connect-timeout=200",
            "carelog.privacy.master-key-file=target/it-keys/master.key",
            "carelog.audit.signing-key-file=target/it-keys/audit-signing.key"
        })
@ActiveProfiles("axonserver")
@Import(AxonServerProfileTest.NothingStarts.class)
class AxonServerProfileTest {

    @TestConfiguration
    static class NothingStarts {
        @Bean
        LifecycleProcessor lifecycleProcessor() {
            return new LifecycleProcessor() {
                @Override
                public void onRefresh() {}

                @Override
                public void onClose() {}

                @Override
                public void start() {}

                @Override
                public void stop() {}

                @Override
                public boolean isRunning() {
                    return false;
                }
            };
        }
    }

    @Autowired
    AxonServerConfiguration axonServer;

    @Autowired
    CommandBus commandBus;

    @Autowired
    QueryBus queryBus;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void commandsQueriesAndEventsGoThroughAxonServerAtTheConfiguredAddress() {
        assertThat(axonServer.isEnabled()).isTrue();
        assertThat(axonServer.getServers()).isEqualTo("localhost:18124");
        assertThat(axonServer.getContext()).isEqualTo("carelog-test");
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        // Events stored in Axon Server are encrypted like those in PostgreSQL.
        assertThat(eventSerializer).isInstanceOf(PersonalDataSerializer.class);
        assertThat(((PersonalDataSerializer) eventSerializer).delegate()).isInstanceOf(JacksonSerializer.class);
    }
}
