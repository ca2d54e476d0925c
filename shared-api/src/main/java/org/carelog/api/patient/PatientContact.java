package org.carelog.api.patient;

/** How to reach the patient and in which language. */
public record PatientContact(
        PhoneNumber phone,
        EmailAddress email,
        Address address,
        EmergencyContact emergencyContact,
        Language preferredLanguage) {}
