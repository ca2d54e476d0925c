package org.carelog.query.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;
import org.carelog.projection.billing.CashEntry;

/** What the billing queries answer, as the schema declares it (invoices are the read model's InvoiceView). */
final class BillingViews {

    private BillingViews() {}

    record PatientBalanceView(UUID patientId, Money due, Money refundable, Money deposits, int openInvoices) {}

    record ReceivableView(
            UUID invoiceId,
            String number,
            UUID patientId,
            java.time.Instant generatedAt,
            Money total,
            Money due,
            long ageDays) {}

    record MethodTotalView(PaymentMethod method, Money received, Money refunded, Money net) {}

    /**
     * A cashier's day: the balance brought forward (every earlier payment less refund of theirs), each payment
     * and refund, and the closing balance; with totals per method. Reconciles exactly to the payment events.
     */
    record CashBookView(
            String cashier,
            LocalDate date,
            Money opening,
            List<CashEntry> entries,
            Money received,
            Money refunded,
            Money closing,
            List<MethodTotalView> byMethod) {}
}
