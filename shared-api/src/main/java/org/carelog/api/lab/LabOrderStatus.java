package org.carelog.api.lab;

/**
 * Where an order is: ordered, sample collected (lab tests only), result entered and awaiting verification,
 * verified (part of the patient's history), or cancelled before a result.
 */
public enum LabOrderStatus {
    ORDERED,
    COLLECTED,
    RESULTED,
    VERIFIED,
    CANCELLED
}
