package org.carelog.command.conversation;

import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.stereotype.Component;

/**
 * Sends conversation commands, deciding again one that lost a race with another Carelog process (a cached
 * conversation is stale there until its append collides; the collision evicts it).
 */
@Component
class ConversationCommands extends RaceRetryingSender {

    static final int MAX_ATTEMPTS = 10;

    ConversationCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
