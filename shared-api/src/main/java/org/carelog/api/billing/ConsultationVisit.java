package org.carelog.api.billing;

/**
 * Which consultation fee applies: a new visit; a follow-up (the patient's last billed consultation with the
 * practitioner was within the follow-up window); a free revisit (within the free-revisit window: charged 0).
 */
public enum ConsultationVisit {
    NEW,
    FOLLOW_UP,
    FREE_REVISIT
}
