package org.carelog.api.patient;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;

/** The patient's name, sex, date of birth or blood group was changed. */
@Revision("1")
public record PatientDemographicsChanged(
        @DataSubject PatientId patientId, @PersonalData PatientDemographics demographics)
        implements PatientRecordEvent {}
