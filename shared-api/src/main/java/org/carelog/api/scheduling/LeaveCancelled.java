package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.PractitionerId;

/** A period of leave was withdrawn. */
@Revision("1")
public record LeaveCancelled(PractitionerId practitionerId, LeaveId leaveId) {}
