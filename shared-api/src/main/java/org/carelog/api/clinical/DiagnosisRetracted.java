package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A diagnosis was recorded in error and is withdrawn, with the reason given; it stays readable as retracted. */
@Revision("1")
public record DiagnosisRetracted(
        @DataSubject PatientId patientId, EncounterId encounterId, UUID diagnosisId, @PersonalData String reason)
        implements EncounterEvent, Justified {}
