package org.carelog.projection.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.RecordedEvent;

/**
 * A patient's encounter sections held in memory: the pure fold behind {@code patientChart(asOf:)}. It applies the
 * same {@link EncounterChange}s the live projector writes, and sorts as the live queries do, so a chart folded
 * from all events equals the live one. No Spring, no database.
 */
public final class EncounterChart {

    static final Comparator<EncounterRow> NEWEST_ENCOUNTER_FIRST = Comparator.comparing(EncounterRow::openedAt)
            .thenComparing(EncounterRow::encounterId)
            .reversed();
    static final Comparator<VitalsRow> NEWEST_VITALS_FIRST = Comparator.comparing(VitalsRow::takenAt)
            .thenComparing(VitalsRow::vitalsId)
            .reversed();
    static final Comparator<DiagnosisRow> NEWEST_DIAGNOSIS_FIRST = Comparator.comparing(DiagnosisRow::recordedAt)
            .thenComparing(DiagnosisRow::diagnosisId)
            .reversed();
    static final Comparator<NoteVersionRow> NOTE_ORDER =
            Comparator.comparing(NoteVersionRow::section).thenComparing(NoteVersionRow::version);

    private final Map<UUID, EncounterRow> encounters = new LinkedHashMap<>();
    private final Map<String, NoteVersionRow> notes = new LinkedHashMap<>();
    private final Map<UUID, VitalsRow> vitals = new LinkedHashMap<>();
    private final Map<UUID, DiagnosisRow> diagnoses = new HashMap<>();

    /** The chart after every event of {@code history} (a patient's record events in store order). */
    public static EncounterChart of(List<RecordedEvent> history) {
        EncounterChart chart = new EncounterChart();
        for (RecordedEvent event : history) {
            EncounterChanges.of(event.payload(), event.at(), event.username(), event.role())
                    .ifPresent(chart::apply);
        }
        return chart;
    }

    public EncounterChart apply(EncounterChange change) {
        if (change instanceof EncounterChange.Opened c) {
            encounters.putIfAbsent(c.row().encounterId(), c.row());
        } else if (change instanceof EncounterChange.Signed c) {
            encounters.computeIfPresent(c.encounterId(), (id, row) -> row.signed(c.at(), c.by()));
        } else if (change instanceof EncounterChange.NoteVersion c) {
            notes.putIfAbsent(
                    c.row().encounterId() + "/" + c.row().section() + "/"
                            + c.row().version(),
                    c.row());
        } else if (change instanceof EncounterChange.Vitals c) {
            vitals.putIfAbsent(c.row().vitalsId(), c.row());
        } else if (change instanceof EncounterChange.Diagnosed c) {
            diagnoses.putIfAbsent(c.row().diagnosisId(), c.row());
        } else if (change instanceof EncounterChange.DiagnosisChanged c) {
            diagnoses.computeIfPresent(c.diagnosisId(), (id, row) -> row.withStatus(c.status(), c.reason(), c.at()));
        }
        return this;
    }

    /** Newest first. */
    public List<EncounterRow> encounters() {
        return sorted(encounters.values(), NEWEST_ENCOUNTER_FIRST);
    }

    /** Newest first. */
    public List<VitalsRow> vitals() {
        return sorted(vitals.values(), NEWEST_VITALS_FIRST);
    }

    /** Every diagnosis, newest first. */
    public List<DiagnosisRow> diagnoses() {
        return sorted(diagnoses.values(), NEWEST_DIAGNOSIS_FIRST);
    }

    /** Diagnoses neither resolved nor retracted, across encounters, newest first. */
    public List<DiagnosisRow> activeProblems() {
        return diagnoses().stream()
                .filter(d -> d.status() == DiagnosisStatus.ACTIVE)
                .toList();
    }

    /** Every version of every section of one encounter's notes, by section and version. */
    public List<NoteVersionRow> notes(UUID encounterId) {
        return sorted(
                notes.values().stream()
                        .filter(n -> n.encounterId().equals(encounterId))
                        .toList(),
                NOTE_ORDER);
    }

    private static <T> List<T> sorted(java.util.Collection<T> rows, Comparator<T> order) {
        List<T> list = new ArrayList<>(rows);
        list.sort(order);
        return list;
    }
}
