package org.carelog.api.billing;

/** One entry of the price list: a category and its code; text form {@code <CATEGORY>:<code>}. */
public record PriceKey(ChargeCategory category, String code) {

    public PriceKey {
        if (category == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a price is identified by category and code");
        }
    }

    @Override
    public String toString() {
        return category + ":" + code;
    }
}
