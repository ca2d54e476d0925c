package org.carelog.api.scheduling;

import java.util.List;

/** An appointment with every transition of its history, oldest first. */
public record AppointmentRecord(AppointmentSummary appointment, List<AppointmentTransition> history) {}
