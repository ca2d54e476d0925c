package org.carelog.query.clinical;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.projection.clinical.EncounterChart;
import org.carelog.projection.clinical.EncounterReadModel;
import org.carelog.projection.clinical.EncounterRow;
import org.carelog.query.clinical.EncounterViews.ClinicalNoteView;
import org.carelog.query.clinical.EncounterViews.DiagnosisView;
import org.carelog.query.clinical.EncounterViews.EncounterView;
import org.carelog.query.clinical.EncounterViews.VitalSignsView;
import org.carelog.query.clinical.EncounterViews.WorklistItemView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * The encounter sections of the chart (encounters, vital signs, diagnoses, active problems), one encounter, and a
 * doctor's worklist. The chart as it is now reads the read model, one query per section and one per nested field
 * over all encounters (batched, no query per encounter); the chart {@code asOf} an instant folds the patient's
 * record events with the projection's own rules ({@link EncounterChart}), once per request.
 */
@Controller
class EncounterQueries {

    static final String CLINICAL_READERS = "hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')";
    private static final String FOLDED = EncounterQueries.class.getName() + ".folded:";

    private final EncounterReadModel readModel;
    private final ClinicalAccessLog accessLog;
    private final ObjectProvider<PatientHistory> history;
    private final Clock clock;

    EncounterQueries(
            EncounterReadModel readModel,
            ClinicalAccessLog accessLog,
            ObjectProvider<PatientHistory> history,
            Clock clock) {
        this.readModel = readModel;
        this.accessLog = accessLog;
        this.history = history;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize(CLINICAL_READERS)
    EncounterView encounter(@Argument String id, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("id", id);
        EncounterRow row = readModel.encounter(encounter.value()).orElse(null);
        if (row == null) {
            return null;
        }
        accessLog.recordRead(new PatientId(row.patientId()), "encounter", env);
        return EncounterView.of(row, clock.getZone(), null);
    }

    @QueryMapping
    @PreAuthorize("hasRole('DOCTOR')")
    List<WorklistItemView> myWorklist() {
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        return readModel.worklist(username, LocalDate.now(clock)).stream()
                .map(r -> WorklistItemView.of(r, clock.getZone()))
                .toList();
    }

    @SchemaMapping(typeName = "PatientChart", field = "encounters")
    List<EncounterView> encounters(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.encounters", env);
        EncounterChart folded = folded(chart, env);
        List<EncounterRow> rows = folded != null
                ? folded.encounters()
                : readModel.encounters(chart.patientId().value());
        return rows.stream()
                .map(r -> EncounterView.of(r, clock.getZone(), folded))
                .toList();
    }

    @SchemaMapping(typeName = "PatientChart", field = "vitals")
    List<VitalSignsView> vitals(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.vitals", env);
        EncounterChart folded = folded(chart, env);
        return (folded != null
                        ? folded.vitals()
                        : readModel.vitals(chart.patientId().value()))
                .stream().map(r -> VitalSignsView.of(r, clock.getZone())).toList();
    }

    @SchemaMapping(typeName = "PatientChart", field = "diagnoses")
    List<DiagnosisView> diagnoses(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.diagnoses", env);
        EncounterChart folded = folded(chart, env);
        return (folded != null
                        ? folded.diagnoses()
                        : readModel.diagnoses(chart.patientId().value()))
                .stream().map(r -> DiagnosisView.of(r, clock.getZone())).toList();
    }

    @SchemaMapping(typeName = "PatientChart", field = "activeProblems")
    List<DiagnosisView> activeProblems(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(chart.patientId(), "chart.activeProblems", env);
        EncounterChart folded = folded(chart, env);
        return (folded != null
                        ? folded.activeProblems()
                        : readModel.activeProblems(chart.patientId().value()))
                .stream().map(r -> DiagnosisView.of(r, clock.getZone())).toList();
    }

    @BatchMapping(typeName = "Encounter", field = "notes")
    Map<EncounterView, List<ClinicalNoteView>> notes(List<EncounterView> encounters) {
        Map<UUID, List<org.carelog.projection.clinical.NoteVersionRow>> live =
                grouped(encounters, ids -> readModel.notes(ids), r -> r.encounterId());
        return byEncounter(
                encounters,
                e -> ClinicalNoteView.of(
                        e.folded() != null
                                ? e.folded().notes(UUID.fromString(e.id()))
                                : live.getOrDefault(UUID.fromString(e.id()), List.of()),
                        clock.getZone()));
    }

    @BatchMapping(typeName = "Encounter", field = "vitals")
    Map<EncounterView, List<VitalSignsView>> encounterVitals(List<EncounterView> encounters) {
        Map<UUID, List<org.carelog.projection.clinical.VitalsRow>> live =
                grouped(encounters, ids -> readModel.encounterVitals(ids), r -> r.encounterId());
        return byEncounter(encounters, e -> (e.folded() != null
                        ? e.folded().vitals().stream()
                                .filter(v -> v.encounterId().toString().equals(e.id()))
                                .toList()
                        : live.getOrDefault(UUID.fromString(e.id()), List.of()))
                .stream().map(r -> VitalSignsView.of(r, clock.getZone())).toList());
    }

    @BatchMapping(typeName = "Encounter", field = "diagnoses")
    Map<EncounterView, List<DiagnosisView>> encounterDiagnoses(List<EncounterView> encounters) {
        Map<UUID, List<org.carelog.projection.clinical.DiagnosisRow>> live =
                grouped(encounters, ids -> readModel.encounterDiagnoses(ids), r -> r.encounterId());
        return byEncounter(encounters, e -> (e.folded() != null
                        ? e.folded().diagnoses().stream()
                                .filter(d -> d.encounterId().toString().equals(e.id()))
                                .toList()
                        : live.getOrDefault(UUID.fromString(e.id()), List.of()))
                .stream().map(r -> DiagnosisView.of(r, clock.getZone())).toList());
    }

    /** The rows of the live (not reconstructed) encounters, read in one query and grouped by encounter. */
    private static <R> Map<UUID, List<R>> grouped(
            List<EncounterView> encounters, Function<List<UUID>, List<R>> read, Function<R, UUID> key) {
        List<UUID> ids = encounters.stream()
                .filter(e -> e.folded() == null)
                .map(e -> UUID.fromString(e.id()))
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return read.apply(ids).stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
    }

    private static <T> Map<EncounterView, T> byEncounter(
            List<EncounterView> encounters, Function<EncounterView, T> value) {
        Map<EncounterView, T> result = new LinkedHashMap<>();
        for (EncounterView e : encounters) {
            result.put(e, value.apply(e));
        }
        return result;
    }

    /** The encounter chart folded from the patient's events up to asOf, once per request; null for the live chart. */
    private EncounterChart folded(PatientChartView chart, DataFetchingEnvironment env) {
        if (chart.asOf() == null) {
            return null;
        }
        String key = FOLDED + chart.patientId() + "@" + chart.asOf();
        EncounterChart cached = env.getGraphQlContext().get(key);
        if (cached != null) {
            return cached;
        }
        PatientHistory events = history.getIfAvailable();
        if (events == null) {
            throw CarelogException.conflict("The record's history is not available in this installation", null);
        }
        EncounterChart folded = EncounterChart.of(events.eventsUntil(chart.patientId(), chart.asOf()));
        env.getGraphQlContext().put(key, folded);
        return folded;
    }
}
