package org.carelog.api.patient;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a registered patient's details. Each part left null stays as it is; each part that differs
 * is recorded as its own event.
 */
public record UpdatePatientDetails(
        @TargetAggregateIdentifier PatientId patientId,
        PatientDemographics demographics,
        PatientIdentifiers identifiers,
        PatientContact contact,
        CommunicationConsent consent) {}
