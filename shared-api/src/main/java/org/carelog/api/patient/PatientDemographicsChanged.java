package org.carelog.api.patient;

import org.axonframework.serialization.Revision;

/** The patient's name, sex, date of birth or blood group was changed. */
@Revision("1")
public record PatientDemographicsChanged(PatientId patientId, PatientDemographics demographics) {}
