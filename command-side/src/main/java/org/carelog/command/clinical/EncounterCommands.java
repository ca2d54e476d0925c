package org.carelog.command.clinical;

import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.stereotype.Component;

/**
 * Sends encounter commands. Two clinicians opening the same appointment's encounter at once both try to create
 * the same (derived) id: the loser's append collides and is sent again, and then finds the encounter opened.
 */
@Component
public class EncounterCommands extends RaceRetryingSender {

    static final int MAX_ATTEMPTS = 5;

    EncounterCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
