package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.Optional;
import org.carelog.api.clinical.ClinicalNoteAmended;
import org.carelog.api.clinical.ClinicalNoteWritten;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisResolved;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.VitalSignsRecorded;

/**
 * The encounter read model's rules, pure: an event (with its time and author) to the change it makes. Shared by
 * the live projector and the chart reconstructed as of an instant, so the two cannot disagree.
 */
public final class EncounterChanges {

    private EncounterChanges() {}

    /** The change {@code event} makes; empty for events that do not concern encounters. */
    public static Optional<EncounterChange> of(Object event, Instant at, String username, String role) {
        EncounterChange change = null;
        if (event instanceof EncounterOpened e) {
            change = new EncounterChange.Opened(new EncounterRow(
                    e.encounterId().value(),
                    e.patientId().value(),
                    e.type(),
                    e.origin(),
                    e.appointmentId(),
                    e.tokenId(),
                    e.attending().value(),
                    EncounterStatus.OPEN,
                    at,
                    username,
                    null,
                    null));
        } else if (event instanceof EncounterSigned e) {
            change = new EncounterChange.Signed(e.encounterId().value(), at, username);
        } else if (event instanceof ClinicalNoteWritten e) {
            change = new EncounterChange.NoteVersion(new NoteVersionRow(
                    e.encounterId().value(),
                    e.section(),
                    e.version(),
                    e.patientId().value(),
                    e.text(),
                    false,
                    null,
                    username,
                    role,
                    at));
        } else if (event instanceof ClinicalNoteAmended e) {
            change = new EncounterChange.NoteVersion(new NoteVersionRow(
                    e.encounterId().value(),
                    e.section(),
                    e.version(),
                    e.patientId().value(),
                    e.text(),
                    true,
                    e.reason(),
                    username,
                    role,
                    at));
        } else if (event instanceof VitalSignsRecorded e) {
            change = new EncounterChange.Vitals(new VitalsRow(
                    e.vitalsId(), e.encounterId().value(), e.patientId().value(), at, username, e.signs()));
        } else if (event instanceof DiagnosisRecorded e) {
            change = new EncounterChange.Diagnosed(new DiagnosisRow(
                    e.diagnosisId(),
                    e.encounterId().value(),
                    e.patientId().value(),
                    e.rank(),
                    e.system(),
                    e.code(),
                    e.title(),
                    e.uncoded(),
                    DiagnosisStatus.ACTIVE,
                    null,
                    at,
                    username,
                    at));
        } else if (event instanceof DiagnosisResolved e) {
            change = new EncounterChange.DiagnosisChanged(e.diagnosisId(), DiagnosisStatus.RESOLVED, e.reason(), at);
        } else if (event instanceof DiagnosisRetracted e) {
            change = new EncounterChange.DiagnosisChanged(e.diagnosisId(), DiagnosisStatus.RETRACTED, e.reason(), at);
        }
        return Optional.ofNullable(change);
    }
}
