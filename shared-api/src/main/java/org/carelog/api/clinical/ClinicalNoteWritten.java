package org.carelog.api.clinical;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A section of an open encounter's notes was written: version 1 is the first entry, every later change a new
 * version; all versions stay readable. Free text in Bangla or English.
 */
@Revision("1")
public record ClinicalNoteWritten(
        @DataSubject PatientId patientId,
        EncounterId encounterId,
        NoteSection section,
        int version,
        @PersonalData String text)
        implements EncounterEvent {}
