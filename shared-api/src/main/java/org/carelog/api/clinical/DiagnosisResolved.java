package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A diagnosis is no longer an active problem: resolved, with the reason given. */
@Revision("1")
public record DiagnosisResolved(
        @DataSubject PatientId patientId, EncounterId encounterId, UUID diagnosisId, @PersonalData String reason)
        implements EncounterEvent, Justified {}
