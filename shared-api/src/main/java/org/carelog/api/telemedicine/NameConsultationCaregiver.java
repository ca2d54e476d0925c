package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Names the caregiver who may join for the patient; up to 200 characters each, personal data. */
public record NameConsultationCaregiver(
        @TargetAggregateIdentifier ConsultationId consultationId, String name, String relationship) {}
