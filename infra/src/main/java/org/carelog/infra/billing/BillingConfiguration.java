package org.carelog.infra.billing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.carelog.api.billing.BillingPolicy;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.command.billing.BillingCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing: the policy from configuration, the invoice cache, and a metric of commands retried after losing a race. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    @Bean
    BillingPolicy billingPolicy(BillingProperties properties) {
        var rates = new EnumMap<ChargeCategory, java.math.BigDecimal>(ChargeCategory.class);
        rates.putAll(properties.taxRates());
        return new BillingPolicy(
                properties.invoicePrefix(),
                properties.discountLimitPercent(),
                Set.copyOf(properties.approverRoles()),
                rates);
    }

    /** Keeps loaded invoices between commands (see Invoice); safe with several processes, as the token queue's. */
    @Bean
    Cache invoiceCache() {
        return new WeakReferenceCache();
    }

    @Bean
    MeterBinder billingRetries(BillingCommands commands) {
        return registry -> FunctionCounter.builder(
                        "carelog.billing.command.retries", commands, BillingCommands::retries)
                .description("Billing commands sent again after losing a race to another append")
                .register(registry);
    }
}
