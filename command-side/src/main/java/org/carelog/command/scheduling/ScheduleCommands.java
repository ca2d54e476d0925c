package org.carelog.command.scheduling;

import java.util.List;
import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Sends day schedule commands, re-deciding those that lost a race with another process appending to the
 * same day: the loser then gets a real answer (booked in a place still free, or CONFLICT with
 * alternatives).
 */
@Component
public class ScheduleCommands extends RaceRetryingSender {

    static final int MAX_ATTEMPTS = 8;

    /** Who sends the commands that no person sends (reviews after availability changes, no-shows). */
    public static final Authentication SCHEDULER = new UsernamePasswordAuthenticationToken(
            "carelog-scheduler", null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM")));

    ScheduleCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
