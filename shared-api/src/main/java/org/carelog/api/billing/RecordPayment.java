package org.carelog.api.billing;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * Records a payment at the counter, up to what is due (a draft is issued by its first payment). Cash may be
 * tendered above the amount (the change is returned); bKash, Nagad and Rocket need the provider's transaction
 * id, which is recorded once across all invoices. Answers {@link RecordedPayment}.
 *
 * @param tendered for CASH: what the patient handed over, or null when exactly the amount
 * @param reference the provider's transaction id (mobile), the card terminal's reference, or null
 */
public record RecordPayment(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        UUID paymentId,
        PaymentMethod method,
        Money amount,
        Money tendered,
        String reference) {}
