package org.carelog.command.telemedicine;

import java.util.List;
import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Sends consultation commands (a patient and a clinician joining at once re-decide on a fresh load). */
@Component
public class TelemedicineCommands extends RaceRetryingSender {

    static final int MAX_ATTEMPTS = 8;

    /** Who sends the commands no person sends: scheduling a consultation, completing it, closing its window. */
    public static final Authentication TELEMEDICINE = new UsernamePasswordAuthenticationToken(
            "carelog-telemedicine", null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM")));

    /** A participant who came through their join link: no account, the link's signature stands for them. */
    public static Authentication linkHolder(String consultation, String participant) {
        return new UsernamePasswordAuthenticationToken(
                "join-link:" + consultation + ":" + participant,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_PATIENT")));
    }

    TelemedicineCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
