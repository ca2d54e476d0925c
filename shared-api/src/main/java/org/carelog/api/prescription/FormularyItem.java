package org.carelog.api.prescription;

import org.carelog.api.common.Money;

/** A product of the facility's formulary: a brand of a generic in one strength and form, with its price. */
public record FormularyItem(
        String itemId,
        String brand,
        String genericName,
        String medicineCode,
        String strength,
        String formCode,
        String form,
        String manufacturer,
        Money unitPrice) {}
