package org.carelog.infra.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.graphql.GraphQlConfiguration.SchemaInspection;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The shape and the guard rails of the one GraphQL API: policies, mappings, inputs, limits. */
class GraphQlApiTest extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    SchemaInspection inspection;

    @Test
    void everyOperationInTheSchemaHasAnExplicitAccessPolicy() {
        Map<String, Method> handlers = rootFieldHandlers();
        GraphQLSchema schema = graphQlSource.schema();
        List<String> operations = Stream.of(
                        schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .filter(java.util.Objects::nonNull)
                .flatMap(type -> type.getFieldDefinitions().stream().map(f -> type.getName() + "." + f.getName()))
                .toList();
        assertThat(operations).contains("Query.patients", "Mutation.registerPatient");
        for (String operation : operations) {
            Method handler = handlers.get(operation);
            assertThat(handler).as("a controller method for %s", operation).isNotNull();
            assertThat(AnnotatedElementUtils.hasAnnotation(handler, PreAuthorize.class)
                            || AnnotatedElementUtils.hasAnnotation(handler.getDeclaringClass(), PreAuthorize.class))
                    .as("%s (%s) declares who may call it with @PreAuthorize", operation, handler)
                    .isTrue();
        }
    }

    @Test
    void theSchemaHasNoFieldWithoutADataFetcher() {
        assertThat(inspection.report()).isNotNull();
        assertThat(inspection.report().unmappedFields()).isEmpty();
        assertThat(inspection.report().unmappedRegistrations()).isEmpty();
    }

    @Test
    void everyMutationTakesOneInputWithAnIdempotencyKeyAndReturnsAPayload() {
        GraphQLObjectType mutations = graphQlSource.schema().getMutationType();
        for (GraphQLFieldDefinition mutation : mutations.getFieldDefinitions()) {
            assertThat(mutation.getArguments())
                    .as(mutation.getName())
                    .singleElement()
                    .satisfies(argument -> {
                        assertThat(argument.getName()).isEqualTo("input");
                        assertThat(argument.getType()).isInstanceOf(GraphQLNonNull.class);
                        GraphQLInputObjectType input =
                                (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(argument.getType());
                        assertThat(input.getField("idempotencyKey"))
                                .as(input.getName())
                                .isNotNull();
                    });
            assertThat(GraphQLTypeUtil.unwrapAll(mutation.getType()).getName()).endsWith("Payload");
        }
    }

    @Test
    void everyTypeIsDocumented() {
        assertThat(graphQlSource.schema().getAllTypesAsList().stream()
                        .filter(t -> !t.getName().startsWith("__"))
                        .filter(t -> t instanceof GraphQLObjectType
                                || t instanceof GraphQLInputObjectType
                                || t instanceof graphql.schema.GraphQLEnumType)
                        .filter(t ->
                                t.getDescription() == null || t.getDescription().isBlank())
                        .map(t -> t.getName()))
                .as("types without a description")
                .isEmpty();
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            query.append(" a").append(i).append(": me { username }");
        }
        JsonNode response =
                json(post(credentials(Role.RECEPTIONIST), query.append(" }").toString(), Map.of()));
        assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(response.at("/errors/0/message").asText()).contains("aliases");
        assertThat(response.at("/data").isMissingNode() || response.at("/data").isNull())
                .isTrue();
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(10) + "{ name }" + " }".repeat(10)
                + " } } } }";
        JsonNode response = json(post(credentials(Role.RECEPTIONIST), deep, Map.of()));
        assertThat(response.at("/errors/0/message").asText()).containsIgnoringCase("depth");
    }

    @Test
    void tooComplexAQueryIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            query.append(" p")
                    .append(i)
                    .append(": patients(first: 1) { edges { cursor node { id mrn nameBn nameEn phone email sex"
                            + " birthDate consent { sms email } } } pageInfo { hasNextPage endCursor } }");
        }
        JsonNode response =
                json(post(credentials(Role.RECEPTIONIST), query.append(" }").toString(), Map.of()));
        assertThat(response.at("/errors/0/message").asText()).containsIgnoringCase("complexity");
    }

    @Test
    void anOversizedDocumentIsRefused() {
        String padding = "#".repeat(25_000);
        JsonNode response = json(post(credentials(Role.RECEPTIONIST), padding + "\n{ me { username } }", Map.of()));
        assertThat(response.path("errors").size()).isPositive();
        assertThat(response.at("/data/me").isMissingNode()).isTrue();
    }

    private Map<String, Method> rootFieldHandlers() {
        Map<String, Method> handlers = new HashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Controller.class).values()) {
            for (Method method : AopUtils.getTargetClass(bean).getDeclaredMethods()) {
                SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
                if (mapping == null) {
                    continue;
                }
                String field = mapping.field().isEmpty() ? method.getName() : mapping.field();
                handlers.put(mapping.typeName() + "." + field, method);
            }
        }
        return handlers;
    }
}
