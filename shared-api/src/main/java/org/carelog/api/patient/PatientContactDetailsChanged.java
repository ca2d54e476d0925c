package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;

/** The patient's phone, e-mail, address, emergency contact or preferred language changed. */
@Revision("1")
public record PatientContactDetailsChanged(@DataSubject PatientId patientId, @PersonalData PatientContact contact)
        implements PatientRecordEvent {}
