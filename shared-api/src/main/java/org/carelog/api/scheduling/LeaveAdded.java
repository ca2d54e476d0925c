package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.carelog.api.practitioner.PractitionerId;

/** The practitioner is on leave from {@code from} to {@code to}, both included. */
@Revision("1")
public record LeaveAdded(PractitionerId practitionerId, LeaveId leaveId, LocalDate from, LocalDate to, String reason) {}
