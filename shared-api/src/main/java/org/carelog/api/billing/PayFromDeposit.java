package org.carelog.api.billing;

import java.util.UUID;
import org.carelog.api.common.Money;

/**
 * Pays an invoice from its patient's advance deposits: the account is debited and the invoice paid (method
 * DEPOSIT) in one transaction, or neither. Answers {@link RecordedPayment}.
 */
public record PayFromDeposit(InvoiceId invoiceId, UUID paymentId, Money amount) {}
