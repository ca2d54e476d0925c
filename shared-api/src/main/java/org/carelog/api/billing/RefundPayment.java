package org.carelog.api.billing;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/** Refunds money paid on the invoice, never more than paid less earlier refunds; needs a reason and an approver. */
public record RefundPayment(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        UUID refundId,
        PaymentMethod method,
        Money amount,
        String reason) {}
