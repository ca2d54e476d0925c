package org.carelog.api.billing;

/**
 * How a payment was made. Mobile financial services (bKash, Nagad, Rocket) always carry the provider's
 * transaction id; a card payment may carry the terminal's reference; a deposit is money the patient paid in
 * advance, applied to the invoice.
 */
public enum PaymentMethod {
    CASH,
    CARD,
    BKASH,
    NAGAD,
    ROCKET,
    DEPOSIT;

    /** A mobile financial service, whose transaction id is required and recorded once. */
    public boolean mobile() {
        return this == BKASH || this == NAGAD || this == ROCKET;
    }
}
