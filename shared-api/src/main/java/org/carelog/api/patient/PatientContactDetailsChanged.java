package org.carelog.api.patient;

import org.axonframework.serialization.Revision;

/** The patient's phone, e-mail, address, emergency contact or preferred language changed. */
@Revision("1")
public record PatientContactDetailsChanged(PatientId patientId, PatientContact contact) {}
