package org.carelog.api.prescription;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * An allergy or intolerance was recorded, active, by a doctor or nurse (who: the event's metadata).
 *
 * @param reaction what happened to the patient (free text), or null
 */
@Revision("1")
public record AllergyRecorded(
        @DataSubject PatientId patientId,
        AllergyListId listId,
        AllergyId allergyId,
        @PersonalData Substance substance,
        @PersonalData AllergyCategory category,
        @PersonalData String reaction,
        @PersonalData AllergySeverity severity)
        implements PatientRecordEvent {}
