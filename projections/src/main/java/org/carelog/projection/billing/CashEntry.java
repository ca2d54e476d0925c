package org.carelog.projection.billing;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;

/**
 * One line of the cash book: a payment taken (PAYMENT) or money paid back (REFUND) by a staff member, with the
 * invoice's department and practitioner for revenue. One row per payment or refund event, keyed by its id.
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

    /** Payments count in, refunds out. */
    public Money signed() {
        return "REFUND".equals(kind) ? Money.ZERO.minus(amount) : amount;
    }
}
