package org.carelog.api.billing;

/**
 * What a line was for: the service code (LOINC number, formulary or price-list code) and its description.
 * Health data: carried in events as personal data of the patient, null after erasure.
 */
public record ChargeDetail(String chargeKey, String code, String description) {}
