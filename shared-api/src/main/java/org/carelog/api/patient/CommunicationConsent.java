package org.carelog.api.patient;

/** Whether the patient agreed to be contacted by SMS and by e-mail. */
public record CommunicationConsent(boolean sms, boolean email) {}
