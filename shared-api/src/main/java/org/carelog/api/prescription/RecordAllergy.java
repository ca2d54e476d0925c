package org.carelog.api.prescription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/** Records an allergy or intolerance in the patient's list (created by its first entry). Answers the {@link AllergyId}. */
public record RecordAllergy(
        @TargetAggregateIdentifier AllergyListId listId,
        PatientId patientId,
        AllergyId allergyId,
        Substance substance,
        AllergyCategory category,
        String reaction,
        AllergySeverity severity) {}
