package org.carelog.projection.billing;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;

/**
 * One line of the cash book: a payment taken (PAYMENT), money paid back (REFUND) or an advance deposit taken
 * (DEPOSIT, no invoice) by a staff member, with the invoice's department and practitioner for revenue. One row
 * per payment, refund or deposit event, keyed by its id. A PAYMENT by method DEPOSIT moved no cash: the cash book
 * leaves it out (the deposit was counted when received); revenue counts it.
 */
public record CashEntry(
        UUID id,
        UUID invoiceId,
        String invoiceNumber,
        UUID patientId,
        String kind,
        PaymentMethod method,
        Money amount,
        String reference,
        String cashier,
        Instant at,
        UUID departmentId,
        UUID practitionerId) {

    /** Payments and deposits count in, refunds out. */
    public Money signed() {
        return "REFUND".equals(kind) ? Money.ZERO.minus(amount) : amount;
    }
}
