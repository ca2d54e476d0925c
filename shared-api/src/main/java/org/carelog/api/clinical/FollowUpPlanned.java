package org.carelog.api.clinical;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * The clinician planned a follow-up visit of the encounter on {@code dueOn} (facility-local day). A later plan of
 * the same encounter replaces the earlier one.
 *
 * @param instructions free text for the patient, or null
 */
@Revision("1")
public record FollowUpPlanned(
        @DataSubject PatientId patientId, EncounterId encounterId, LocalDate dueOn, @PersonalData String instructions)
        implements EncounterEvent {}
