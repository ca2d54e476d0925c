package org.carelog.infra.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The {@code DateTime} scalar (RFC 3339, graphql-java's extended scalar) that also writes {@link Instant}s, the
 * type events and read models keep times in, as UTC offset date-times; input is read exactly as the extended
 * scalar reads it.
 */
final class DateTimeScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new InstantsToo(ExtendedScalars.DateTime.getCoercing()))
            .build();

    private DateTimeScalar() {}

    private record InstantsToo(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            Object plain = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
            return delegate.serialize(plain, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            return delegate.parseValue(input, context, locale);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            return delegate.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(input, context, locale);
        }
    }
}
