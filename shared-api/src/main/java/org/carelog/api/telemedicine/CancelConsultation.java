package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The consultation's appointment was cancelled. */
public record CancelConsultation(@TargetAggregateIdentifier ConsultationId consultationId) {}
