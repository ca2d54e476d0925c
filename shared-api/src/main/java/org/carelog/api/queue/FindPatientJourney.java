package org.carelog.api.queue;

import java.time.LocalDate;
import org.carelog.api.patient.PatientId;

/** A patient's tokens on one day, across service points, in the order they were issued. */
public record FindPatientJourney(PatientId patientId, LocalDate date) {}
