package org.carelog.api.billing;

/** An invoice is open (lines may change, discounts may be given), issued (immutable), or void. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    VOID
}
