package org.carelog.api.queue;

import org.axonframework.serialization.Revision;
import org.carelog.api.patient.PatientId;

/** A walk-in's token was linked to the patient record completed for them. */
@Revision("1")
public record TokenPatientLinked(TokenQueueId queueId, int number, PatientId patientId) implements QueueEvent {}
