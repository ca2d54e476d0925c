package org.carelog.api.patient;

/** Who the patient is: name, sex, date of birth and blood group. */
public record PatientDemographics(PersonName name, Sex sex, BirthDate birthDate, BloodGroup bloodGroup) {}
