package org.carelog.api.billing;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * Takes an advance deposit into the patient's account (before an admission or a costly test), applied later to
 * invoices with {@link PayFromDeposit}. bKash, Nagad and Rocket need the provider's transaction id.
 */
public record ReceiveDeposit(
        @TargetAggregateIdentifier PatientAccountId accountId,
        UUID depositId,
        PaymentMethod method,
        Money amount,
        String reference) {}
