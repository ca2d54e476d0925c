package org.carelog.command.common;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carelog.api.common.MetadataKeys;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the metadata every event must inherit: who (user and role), from which request,
 * and the client's idempotency key. Mutations send through this, never through the gateway directly.
 */
@Component
public class CommandSender {

    /** Key under which the GraphQL request id is kept in the GraphQL context. */
    public static final String REQUEST_ID_CONTEXT_KEY = "carelog.requestId";

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends from a GraphQL mutation, as the signed-in user. */
    public <R> R send(Object command, String idempotencyKey, DataFetchingEnvironment env) {
        String requestId = env.getGraphQlContext().get(REQUEST_ID_CONTEXT_KEY);
        return sendAs(SecurityContextHolder.getContext().getAuthentication(), command, idempotencyKey, requestId);
    }

    /** Sends on behalf of an authenticated principal outside a GraphQL request (seeding, jobs). */
    public <R> R sendAs(Authentication user, Object command, String idempotencyKey, String requestId) {
        if (user == null || !user.isAuthenticated()) {
            throw new IllegalStateException("commands are sent by an authenticated user");
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.USERNAME, user.getName());
        metadata.put(MetadataKeys.ROLE, roleOf(user));
        metadata.put(
                MetadataKeys.REQUEST_ID,
                requestId != null ? requestId : UUID.randomUUID().toString());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            metadata.put(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey.strip());
        }
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    private static String roleOf(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .findFirst()
                .orElse("NONE");
    }
}
