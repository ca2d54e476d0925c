package org.carelog.api.scheduling;

/** One appointment with its whole history. */
public record FindAppointment(AppointmentId appointmentId) {}
