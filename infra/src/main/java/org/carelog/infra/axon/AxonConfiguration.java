package org.carelog.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carelog.api.common.MetadataKeys;
import org.carelog.command.common.ErrorTranslatingInterceptor;
import org.carelog.command.common.IdempotencyInterceptor;
import org.carelog.command.common.IdempotencyStore;
import org.carelog.infra.privacy.PersonalDataSerializer;
import org.carelog.infra.privacy.SubjectKeyring;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store and messaging set-up: Jackson with a mapper of its own (a change to the web's
 * mapper must never change stored events), Flyway-created tables, correlation metadata on every
 * event, and the command interceptors (error codes, idempotency) inside the command's transaction.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The mapper for events, messages, tokens and sagas. Not a bean: nothing else may change it. */
    static ObjectMapper messageMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Old events must still load after a field is added to a class (a new revision).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Jackson inside the personal-data encryption: every stored message (events, snapshots, dead
     * letters, sagas, tokens, idempotency results) goes through the one serializer.
     */
    @Bean
    @Primary
    Serializer serializer(SubjectKeyring keys) {
        ObjectMapper mapper = messageMapper();
        JacksonSerializer jackson = JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
        return new PersonalDataSerializer(jackson, mapper, keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Tells the JDBC event store that a duplicate (aggregate, sequence number) is a concurrent append, so it
     * raises Axon's ConcurrencyException (re-decided by RaceRetryingSender, else CONFLICT) rather than a generic
     * storage error. Axon's default reads vendor error codes, which PostgreSQL does not set; its SQL state
     * for a unique violation is 23505.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder().build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Every event says who caused it, in which role, from which request, with which key. */
    @Bean
    CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider(
                MetadataKeys.USERNAME, MetadataKeys.ROLE, MetadataKeys.REQUEST_ID, MetadataKeys.IDEMPOTENCY_KEY);
    }

    @Bean
    CommandInterceptors commandInterceptors(CommandBus commandBus, IdempotencyStore store, Serializer serializer) {
        return new CommandInterceptors(commandBus, store, serializer);
    }

    /**
     * A projection that fails on an event retries it (with back-off) instead of skipping it: a read
     * model that silently missed an event is worse than one that is late.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** Registers the interceptors after the bus's own transaction interceptor, so they run inside it. */
    static final class CommandInterceptors {
        CommandInterceptors(CommandBus bus, IdempotencyStore store, Serializer serializer) {
            bus.registerHandlerInterceptor(new ErrorTranslatingInterceptor());
            bus.registerHandlerInterceptor(new IdempotencyInterceptor(store, serializer));
        }
    }
}
