package org.carelog.api.communication;

/** Why a message was or was not sent, recorded with every message. */
public enum MessageDecision {
    /** A reminder the patient consented to on this channel. */
    CONSENTED,
    /** A message the patient asked for by acting (a code, a link): reminder consent does not apply. */
    REQUESTED,
    /** Sent again by a staff member after a failure. */
    RESENT_BY_STAFF,
    /** A reminder the patient has not consented to on any channel with an address. */
    NO_CONSENT,
    /** The patient has no phone or e-mail address for it. */
    NO_ADDRESS,
    /** The patient is unknown or erased. */
    NO_PATIENT
}
