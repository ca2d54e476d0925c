package org.carelog.api.billing;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.common.Money;

/**
 * Discounts a draft invoice, by a percentage of its gross or an amount (exactly one), with a reason. Above the
 * configured limit only an approver role may. Replaces an earlier discount.
 */
public record ApplyDiscount(
        @TargetAggregateIdentifier InvoiceId invoiceId, BigDecimal percent, Money amount, String reason) {}
