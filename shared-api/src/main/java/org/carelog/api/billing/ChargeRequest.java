package org.carelog.api.billing;

/**
 * Something to charge, priced by the invoice from the price list in force at that moment.
 *
 * @param chargeKey stable key of what is charged; the invoice refuses a key it already holds
 * @param category the price list category
 * @param code the price list code (LOINC number, item code); for CONSULTATION the practitioner's id
 * @param description shown on the invoice; null for the price list's name
 * @param visit for CONSULTATION: which fee
 */
public record ChargeRequest(
        String chargeKey,
        ChargeCategory category,
        String code,
        String description,
        int quantity,
        ConsultationVisit visit) {}
