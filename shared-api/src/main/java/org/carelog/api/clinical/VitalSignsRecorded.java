package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A set of vital signs was measured in an open encounter (values in the stored units of {@link VitalSigns}). */
@Revision("1")
public record VitalSignsRecorded(
        @DataSubject PatientId patientId, EncounterId encounterId, UUID vitalsId, @PersonalData VitalSigns signs)
        implements EncounterEvent {}
