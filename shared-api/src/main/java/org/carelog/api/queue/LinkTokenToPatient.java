package org.carelog.api.queue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/** Links a walk-in's token to the patient record completed for them. */
public record LinkTokenToPatient(@TargetAggregateIdentifier TokenQueueId queueId, int number, PatientId patientId) {}
