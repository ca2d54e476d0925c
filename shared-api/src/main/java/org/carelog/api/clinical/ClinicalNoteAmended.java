package org.carelog.api.clinical;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A section of a signed encounter's notes was amended: a new version, with the author's reason. */
@Revision("1")
public record ClinicalNoteAmended(
        @DataSubject PatientId patientId,
        EncounterId encounterId,
        NoteSection section,
        int version,
        @PersonalData String text,
        @PersonalData String reason)
        implements EncounterEvent, Justified {}
