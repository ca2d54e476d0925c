package org.carelog.projection.clinical;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The encounter read model's tables (implemented over JDBC in infra, batched): written by {@link
 * EncounterProjector}, read by the chart and the encounter queries. Reads by patient are one query per section.
 */
public interface EncounterReadModel {

    /** Writes a batch of changes, in order, in the caller's transaction. */
    void apply(List<EncounterChange> changes);

    /** Blanks the patient's clinical texts and values (erasure); ids, times and statuses stay. */
    void erase(UUID patientId);

    /** Empties every table of the read model (before a replay). */
    void clear();

    /** Newest first. */
    List<EncounterRow> encounters(UUID patientId);

    /** Newest first. */
    List<VitalsRow> vitals(UUID patientId);

    /** Newest first. */
    List<DiagnosisRow> diagnoses(UUID patientId);

    /** Active diagnoses across the patient's encounters, newest first. */
    List<DiagnosisRow> activeProblems(UUID patientId);

    Optional<EncounterRow> encounter(UUID encounterId);

    /** Every version of every section of these encounters, by encounter, section and version (one query). */
    List<NoteVersionRow> notes(Collection<UUID> encounterIds);

    /** The vital signs of these encounters, newest first (one query). */
    List<VitalsRow> encounterVitals(Collection<UUID> encounterIds);

    /** The diagnoses of these encounters, newest first (one query). */
    List<DiagnosisRow> encounterDiagnoses(Collection<UUID> encounterIds);

    /** The worklist on {@code date} of the practitioner the staff account {@code username} acts as. */
    List<WorklistRow> worklist(String username, LocalDate date);
}
