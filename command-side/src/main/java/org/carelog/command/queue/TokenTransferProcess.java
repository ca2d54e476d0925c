package org.carelog.command.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.queue.IssueToken;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenTransferred;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Continues a journey: when a token is transferred, issues the token at the target service point, in
 * today's queue there, for the same patient id and journey, on behalf of the staff member who
 * transferred. The transfer event's id is the idempotency key, so a redelivered event issues nothing
 * twice; a replay issues nothing at all.
 */
@Component
@ProcessingGroup(TokenTransferProcess.PROCESSING_GROUP)
@DisallowReplay
class TokenTransferProcess {

    static final String PROCESSING_GROUP = "token-transfers";

    private final QueueCommands commands;
    private final Clock clock;

    TokenTransferProcess(QueueCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(
            TokenTransferred event,
            @MessageIdentifier String eventId,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        var staff = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        commands.sendAs(
                staff,
                new IssueToken(
                        new TokenQueueId(event.target(), LocalDate.now(clock)),
                        event.patientId(),
                        null,
                        event.priority(),
                        null,
                        new TokenId(event.queueId(), event.number()),
                        event.journeyId()),
                "transfer:" + eventId,
                requestId);
    }
}
