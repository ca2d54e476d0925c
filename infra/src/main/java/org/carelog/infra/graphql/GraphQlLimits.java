package org.carelog.infra.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep one request from tying up the server.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity fields counted over the whole operation
 * @param maxAliases aliased fields in one document (aliases multiply work, e.g. guessing codes)
 * @param maxDocumentCharacters size of the query text
 * @param maxTokens parser tokens in the query text
 */
@ConfigurationProperties("carelog.graphql")
public record GraphQlLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("300") int maxComplexity,
        @DefaultValue("20") int maxAliases,
        @DefaultValue("20000") int maxDocumentCharacters,
        @DefaultValue("3000") int maxTokens) {}
