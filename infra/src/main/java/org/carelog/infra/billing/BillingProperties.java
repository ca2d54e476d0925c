package org.carelog.infra.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.carelog.api.billing.ChargeCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings.
 *
 * @param invoicePrefix letters in front of every invoice number (INV gives INV-2026-000123)
 * @param discountLimitPercent a discount above this share of an invoice's gross needs an approver role
 * @param approverRoles roles that approve large discounts, refunds, voids and credit notes
 * @param taxRates VAT or service charge in percent per charge category, such as {@code PHARMACY: 5}; none when
 *     absent. Tax is computed per line on its net and rounded to the poisha half up.
 */
@ConfigurationProperties("carelog.billing")
public record BillingProperties(
        @DefaultValue("INV") String invoicePrefix,
        @DefaultValue("10") BigDecimal discountLimitPercent,
        @DefaultValue("ADMIN") List<String> approverRoles,
        Map<ChargeCategory, BigDecimal> taxRates) {

    public BillingProperties {
        taxRates = taxRates == null ? Map.of() : taxRates;
    }
}
