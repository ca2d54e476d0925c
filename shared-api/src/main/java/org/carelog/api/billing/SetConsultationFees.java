package org.carelog.api.billing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * Sets what a practitioner's consultation costs from an instant on (key: category CONSULTATION, code the
 * practitioner id): a new visit, a follow-up within {@code followUpDays} of the last billed consultation, and
 * nothing within {@code freeRevisitDays}.
 */
public record SetConsultationFees(
        @TargetAggregateIdentifier PriceKey key,
        Money newVisit,
        Money followUp,
        int followUpDays,
        int freeRevisitDays,
        Instant effectiveFrom) {}
