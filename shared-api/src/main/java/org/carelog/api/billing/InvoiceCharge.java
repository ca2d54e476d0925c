package org.carelog.api.billing;

import java.math.BigDecimal;
import org.carelog.api.common.Money;

/**
 * The amounts of one line of an invoice, copied from the price in force when it was charged: a later price
 * change never alters it. Amounts are not health data and stay readable after the patient's erasure; what the
 * line was for is in {@link ChargeDetail}.
 *
 * @param chargeKey what was charged, stable across redelivery ({@code consultation:<encounter>},
 *     {@code lab-order:<order id>}, {@code counter:<n>}); an invoice never holds a key twice
 * @param visit for a consultation, which fee was charged; null otherwise
 * @param taxRate VAT or service charge in percent
 * @param net unit price times quantity
 * @param tax {@code net * taxRate / 100}, rounded to the poisha half up
 */
public record InvoiceCharge(
        String chargeKey,
        ChargeCategory category,
        ConsultationVisit visit,
        int quantity,
        Money unitPrice,
        BigDecimal taxRate,
        Money net,
        Money tax) {

    /** Prices a line: net and tax rounded to the poisha, half up ({@link Money#ROUNDING}). */
    public static InvoiceCharge priced(
            String chargeKey,
            ChargeCategory category,
            ConsultationVisit visit,
            int quantity,
            Money unitPrice,
            BigDecimal taxRate) {
        Money net = unitPrice.times(BigDecimal.valueOf(quantity));
        Money tax = net.times(taxRate.movePointLeft(2));
        return new InvoiceCharge(chargeKey, category, visit, quantity, unitPrice, taxRate, net, tax);
    }

    public Money total() {
        return net.plus(tax);
    }
}
