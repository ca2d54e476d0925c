package org.carelog.api.billing;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * A payment gateway (bKash tokenized checkout, SSLCommerz IPN) confirmed a payment for the invoice, after the
 * adapter verified its signature and queried the gateway (docs/billing-online-payments.md). Recorded once per
 * provider transaction id; refused when it does not match the invoice (void, amount above what is due).
 */
public record ConfirmOnlinePayment(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        UUID paymentId,
        PaymentMethod provider,
        String providerTransactionId,
        Money amount,
        Instant paidAt) {}
