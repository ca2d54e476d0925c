package org.carelog.api.communication;

/**
 * What a message to a patient is for. The communication feature chooses the template by kind and the
 * patient's language. Reminders need the patient's consent to be contacted; a <em>requested</em> message
 * (one the patient asked for by acting: a sign-in code, the link to a consultation they booked, their own
 * prescription) is sent on the channel the patient used or gave for it, and the decision is recorded either way.
 */
public enum MessageKind {
    APPOINTMENT_REMINDER(false),
    FOLLOW_UP_REMINDER(false),
    TURN_NEAR(false),
    ONE_TIME_CODE(true),
    TELEMEDICINE_LINK(true),
    PRESCRIPTION_LINK(true),
    SECURE_MESSAGE_NOTICE(true);

    private final boolean requested;

    MessageKind(boolean requested) {
        this.requested = requested;
    }

    /** True when the patient asked for this message by acting, so reminder consent does not apply. */
    public boolean requested() {
        return requested;
    }
}
