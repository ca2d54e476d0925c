package org.carelog.api.scheduling;

import java.time.Instant;
import org.carelog.api.patient.PatientId;

/**
 * A patient's appointments starting at or after {@code now} (upcoming, soonest first) or before it
 * (past, latest first), at most {@code limit}, after the appointment {@code afterStart} of a previous page.
 */
public record FindPatientAppointments(
        PatientId patientId, boolean upcoming, Instant now, Instant afterStart, int limit) {}
