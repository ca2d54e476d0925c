package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the patient's consent to telemedicine, given by the patient or their caregiver. */
public record RecordTelemedicineConsent(
        @TargetAggregateIdentifier ConsultationId consultationId, ConsentMethod method, Participant givenBy) {}
