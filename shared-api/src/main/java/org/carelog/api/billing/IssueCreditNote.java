package org.carelog.api.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * Corrects an issued invoice by crediting an amount (never more than its total less earlier credits), with a
 * reason; approver roles only. What was paid above the corrected total may then be refunded.
 */
public record IssueCreditNote(@TargetAggregateIdentifier InvoiceId invoiceId, Money amount, String reason) {}
