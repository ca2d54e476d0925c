package org.carelog.api.billing;

import org.carelog.api.common.Money;

/** The invoice generated (or found, when it already existed): its id, number and total. */
public record GeneratedInvoice(InvoiceId invoiceId, String number, Money total) {}
