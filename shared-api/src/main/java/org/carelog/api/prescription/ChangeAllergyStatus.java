package org.carelog.api.prescription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an allergy active again, inactive (no longer believed true) or entered in error, with a reason. */
public record ChangeAllergyStatus(
        @TargetAggregateIdentifier AllergyListId listId, AllergyId allergyId, AllergyStatus status, String reason) {}
