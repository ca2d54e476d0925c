package org.carelog.api.scheduling;

import java.time.Instant;

/**
 * One step of an appointment's history: what happened, when, by whom (user and role), and the
 * reason or note given. {@code detail} is null after the patient's erasure.
 */
public record AppointmentTransition(String event, Instant at, String username, String role, String detail) {}
