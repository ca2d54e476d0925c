package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A diagnosis was recorded in an open encounter: coded (ICD-11 MMS, or ICD-10 where a licensed list was
 * imported; the title is the classification's, as its licence requires) or, explicitly, uncoded free text.
 *
 * @param system the classification ({@code CodeSystem} name), null when uncoded
 * @param code the code, null when uncoded
 * @param title the classification's title of the code, or the clinician's text when uncoded
 * @param uncoded true for a free-text diagnosis without a code
 */
@Revision("1")
public record DiagnosisRecorded(
        @DataSubject PatientId patientId,
        EncounterId encounterId,
        UUID diagnosisId,
        DiagnosisRank rank,
        @PersonalData String system,
        @PersonalData String code,
        @PersonalData String title,
        boolean uncoded)
        implements EncounterEvent {}
