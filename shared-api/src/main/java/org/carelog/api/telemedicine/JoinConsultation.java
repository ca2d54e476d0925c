package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient or their caregiver joins through the link of {@code linkVersion}. Answers {@link ConsultationAccess}. */
public record JoinConsultation(
        @TargetAggregateIdentifier ConsultationId consultationId, Participant participant, int linkVersion) {}
