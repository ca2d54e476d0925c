package org.carelog.infra.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.infra.security.SignedInStaff;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become GraphQL errors: a stable {@code extensions.code}, the offending
 * fields, and a message a receptionist can act on. Anything unexpected is left to Spring's default,
 * which shows neither stack trace nor SQL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CarelogErrorResolver extends DataFetcherExceptionResolverAdapter {

    CarelogErrorResolver() {
        setThreadLocalContextAware(true); // the security context, to explain a refusal
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        CarelogError error = carelogError(ex);
        return error == null ? null : toGraphQl(error, GraphqlErrorBuilder.newError(env));
    }

    /** Errors that end a subscription's stream get the same codes as any other. */
    @Bean
    static SubscriptionExceptionResolver subscriptionErrors() {
        SubscriptionExceptionResolverAdapter adapter = new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                CarelogError error = carelogError(ex);
                return error == null ? null : toGraphQl(error, GraphqlErrorBuilder.newError());
            }
        };
        adapter.setThreadLocalContextAware(true);
        return adapter;
    }

    private static GraphQLError toGraphQl(CarelogError error, GraphqlErrorBuilder<?> builder) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.extensions());
        extensions.put("code", error.code().name());
        if (!error.violations().isEmpty()) {
            extensions.put("field", error.violations().get(0).field());
            extensions.put(
                    "violations",
                    error.violations().stream()
                            .map(v -> Map.of("field", v.field(), "message", v.message()))
                            .toList());
        }
        return builder.errorType(errorType(error.code()))
                .message(error.message())
                .extensions(extensions)
                .build();
    }

    private static CarelogError carelogError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CarelogException c) {
                return c.error();
            }
            if (t instanceof CommandExecutionException c && c.getDetails().orElse(null) instanceof CarelogError e) {
                return e;
            }
            if (t instanceof ConcurrencyException) {
                return new CarelogError(
                        ErrorCode.CONFLICT,
                        "The record was changed by someone else at the same moment; try again",
                        null,
                        null);
            }
            if (t instanceof AuthenticationCredentialsNotFoundException) {
                return new CarelogError(ErrorCode.UNAUTHENTICATED, "Sign in first", null, null);
            }
            if (t instanceof AccessDeniedException) {
                if (SignedInStaff.enrollmentOnly(
                        SecurityContextHolder.getContext().getAuthentication())) {
                    return new CarelogError(
                            ErrorCode.FORBIDDEN,
                            "MFA enrollment is required for your role: set up TOTP with beginTotpEnrollment and"
                                    + " confirmTotpEnrollment, then sign in again with a code",
                            null,
                            null);
                }
                return new CarelogError(ErrorCode.FORBIDDEN, "Your role may not do this", null, null);
            }
        }
        return null;
    }

    private static ErrorType errorType(ErrorCode code) {
        return switch (code) {
            case VALIDATION, CONFLICT, ALLERGY_CONFLICT -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case INTERNAL, UNAVAILABLE -> ErrorType.INTERNAL_ERROR;
        };
    }
}
