package org.carelog.api.billing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The facility's billing rules.
 *
 * @param invoicePrefix letters in front of every invoice number ({@code INV} gives {@code INV-2026-000123})
 * @param discountLimitPercent a discount above this share of the invoice's gross needs an approver
 * @param approverRoles roles that may approve large discounts, refunds, voids and credit notes
 * @param taxRates VAT or service charge in percent per category (absent: none)
 */
public record BillingPolicy(
        String invoicePrefix,
        BigDecimal discountLimitPercent,
        Set<String> approverRoles,
        Map<ChargeCategory, BigDecimal> taxRates) {

    public BillingPolicy {
        if (invoicePrefix == null || !invoicePrefix.matches("[A-Z]{2,6}")) {
            throw new IllegalArgumentException("the invoice prefix must be 2 to 6 capital letters");
        }
        if (discountLimitPercent == null
                || discountLimitPercent.signum() < 0
                || discountLimitPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the discount limit is a percentage from 0 to 100");
        }
        approverRoles = Set.copyOf(approverRoles);
        taxRates = taxRates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(taxRates));
        taxRates.values().forEach(rate -> {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a tax rate is a percentage from 0 to 100");
            }
        });
    }

    public BigDecimal taxRate(ChargeCategory category) {
        return taxRates.getOrDefault(category, BigDecimal.ZERO);
    }

    public boolean approves(String role) {
        return role != null && approverRoles.contains(role);
    }
}
