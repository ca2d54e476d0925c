package org.carelog.api.common;

/** Staff roles, and the patient role that patient access will use. */
public enum Role {
    ADMIN,
    RECEPTIONIST,
    DOCTOR,
    NURSE,
    BILLING,
    AUDITOR,
    LAB_TECHNICIAN,
    PATIENT
}
