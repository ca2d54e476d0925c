package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sender, the assigned clinician, joins. Answers {@link ConsultationAccess}. */
public record JoinConsultationAsClinician(@TargetAggregateIdentifier ConsultationId consultationId) {}
