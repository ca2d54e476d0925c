package org.carelog.infra.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import graphql.scalars.ExtendedScalars;
import java.util.UUID;
import java.util.regex.Pattern;
import org.carelog.command.common.CommandSender;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Scalars, abuse limits, request ids and the schema inspection report of the one GraphQL API that the
 * command side's mutations and the query side's queries make together.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date)
                .scalar(DateTimeScalar.DATE_TIME)
                .scalar(ExtendedScalars.GraphQLLong);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
    }

    @Bean
    AliasLimitInstrumentation aliasLimit(GraphQlLimits limits) {
        return new AliasLimitInstrumentation(limits.maxAliases());
    }

    /** Document size and token limits are the parser's own, set once for every operation. */
    @Bean
    GraphQlSourceBuilderCustomizer parserLimits(GraphQlLimits limits, SchemaInspection inspection) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(o -> o.maxCharacters(limits.maxDocumentCharacters()).maxTokens(limits.maxTokens())));
        return builder -> builder.inspectSchemaMappings(inspection::record);
    }

    @Bean
    SchemaInspection schemaInspection() {
        return new SchemaInspection();
    }

    /**
     * Every request gets an id (the client's {@code X-Request-Id} when it sends a sane one), which every
     * command and so every event carries, and which the response echoes.
     */
    @Bean
    WebGraphQlInterceptor requestIds() {
        return (request, chain) -> {
            String sent = request.getHeaders().getFirst(REQUEST_ID_HEADER);
            String requestId = sent != null && SAFE_REQUEST_ID.matcher(sent).matches()
                    ? sent
                    : UUID.randomUUID().toString();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                            ctx -> ctx.put(CommandSender.REQUEST_ID_CONTEXT_KEY, requestId))
                    .build());
            return chain.next(request)
                    .doOnNext(response -> response.getResponseHeaders().set(REQUEST_ID_HEADER, requestId));
        };
    }

    /** Keeps the report of schema fields without a data fetcher, for the test that forbids them. */
    static class SchemaInspection {
        private volatile SchemaReport report;

        void record(SchemaReport report) {
            this.report = report;
        }

        SchemaReport report() {
            return report;
        }
    }
}
