package org.carelog.command.queue;

import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.stereotype.Component;

/**
 * Sends token queue commands, re-deciding those that lost a race with another process (the next
 * number, the next token to call), so no request is lost and no number is given twice.
 */
@Component
public class QueueCommands extends RaceRetryingSender {

    /** Enough for dozens of counters issuing into one queue at the same moment. */
    static final int MAX_ATTEMPTS = 50;

    QueueCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
