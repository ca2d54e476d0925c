package org.carelog.api.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.Money;

/** A price of the price list, in force from {@code effectiveFrom}; earlier invoices keep the price they copied. */
@Revision("1")
public record PriceSet(PriceKey key, String name, Money amount, Instant effectiveFrom) {}
