package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.DiagnosisStatus;

/**
 * What one encounter event changes in the encounter read model, decided by {@link EncounterChanges} alone. The
 * live projector writes these to tables; {@link EncounterChart} applies them in memory for a chart as of a past
 * instant. Every change is idempotent: applied twice, it leaves what it left once.
 */
public sealed interface EncounterChange {

    record Opened(EncounterRow row) implements EncounterChange {}

    record Signed(UUID encounterId, Instant at, String by) implements EncounterChange {}

    record NoteVersion(NoteVersionRow row) implements EncounterChange {}

    record Vitals(VitalsRow row) implements EncounterChange {}

    record Diagnosed(DiagnosisRow row) implements EncounterChange {}

    record DiagnosisChanged(UUID diagnosisId, DiagnosisStatus status, String reason, Instant at)
            implements EncounterChange {}
}
