package org.carelog.api.prescription;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.Justified;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** An allergy became active again, inactive, or was marked entered in error, for the reason given. */
@Revision("1")
public record AllergyStatusChanged(
        @DataSubject PatientId patientId,
        AllergyListId listId,
        AllergyId allergyId,
        AllergyStatus status,
        @PersonalData String reason)
        implements PatientRecordEvent, Justified {}
