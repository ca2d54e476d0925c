package org.carelog.api.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues a draft invoice: from now on it is immutable (corrections are credit notes or a void). */
public record IssueInvoice(@TargetAggregateIdentifier InvoiceId invoiceId) {}
