package org.carelog.api.queue;

/** Where a token stands. */
public enum TokenStatus {
    /** In line, not called yet (or back in line after a skip). */
    WAITING,
    /** Called to the room or counter, not yet being served. */
    CALLED,
    /** Being served. */
    SERVING,
    /** Served; done at this service point. */
    SERVED,
    /** Called but absent: back in line after a number of further calls. */
    SKIPPED,
    /** Did not come; out of the line. */
    NO_SHOW,
    /** Sent on to another service point before being served here. */
    TRANSFERRED
}
