package org.carelog.api.patient;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a new patient. The medical record number is assigned by Carelog. A probable duplicate is
 * refused unless {@code duplicateOverrideReason} says why the clerk is sure this is someone else.
 */
public record RegisterPatient(
        @TargetAggregateIdentifier PatientId patientId,
        PatientDemographics demographics,
        PatientIdentifiers identifiers,
        PatientContact contact,
        CommunicationConsent consent,
        String duplicateOverrideReason) {}
