package org.carelog.command.telemedicine;

import java.net.URI;
import org.carelog.api.telemedicine.ConsultationAccess;

/**
 * The video provider's adapter. Carelog carries no video: it chooses rooms and lets exactly the participants it
 * admitted into them, for the join window only. The default adapter is Jitsi Meet with token authentication
 * (infra); another provider implements this.
 */
public interface VideoRooms {

    /** A new room that cannot be guessed. */
    String newRoom();

    /** The address that lets this participant into the room, carrying their signed credential. */
    URI admit(ConsultationAccess access);
}
