package org.carelog.api.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Voids an invoice while nothing is paid on it (net of refunds), with a reason; approver roles only. */
public record VoidInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, String reason) {}
