package org.carelog.api.queue;

/** Why the calling order chose a token: each call records one, so the order can be explained. */
public enum CallReason {
    /** A priority category (emergency, elderly...): earlier categories first, then first come first served. */
    PRIORITY,
    /** An appointment holder whose scheduled time has come: by scheduled time. */
    APPOINTMENT_DUE,
    /** The longest-waiting walk-in (or appointment holder who came late): first come, first served. */
    FIRST_COME_FIRST_SERVED,
    /** The longest-waiting regular token, after the set number of priority and appointment calls in a row. */
    FAIRNESS_GUARD,
    /** An appointment holder before their time, because nobody else was waiting. */
    EARLY_APPOINTMENT,
    /** A skipped token called before its turn came back, because nobody else was waiting. */
    RETURNED_AFTER_SKIP
}
