package org.carelog.api.billing;

/** What a charge is for; prices, tax rates and revenue reports are kept per category. */
public enum ChargeCategory {
    CONSULTATION,
    LAB,
    IMAGING,
    PROCEDURE,
    SERVICE,
    PHARMACY
}
