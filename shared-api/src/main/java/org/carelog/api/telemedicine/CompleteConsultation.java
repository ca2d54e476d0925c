package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the consultation: its encounter was signed (sent by Carelog) or the clinician ends it. */
public record CompleteConsultation(@TargetAggregateIdentifier ConsultationId consultationId, CompletionReason reason) {}
