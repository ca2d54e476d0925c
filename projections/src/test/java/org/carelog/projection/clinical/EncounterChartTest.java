package org.carelog.projection.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carelog.api.clinical.ClinicalNoteAmended;
import org.carelog.api.clinical.ClinicalNoteWritten;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisResolved;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.clinical.VitalSigns;
import org.carelog.api.clinical.VitalSignsRecorded;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.junit.jupiter.api.Test;

/** The pure fold behind the chart as of an instant: the same rules as the live projector, in memory. */
class EncounterChartTest {

    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = new PractitionerId(UUID.randomUUID());
    static final EncounterId FIRST = EncounterId.random();
    static final EncounterId SECOND = EncounterId.random();
    static final UUID CHOLERA = UUID.randomUUID();
    static final UUID HYPERTENSION = UUID.randomUUID();
    static final UUID ANAEMIA = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2025-03-10T04:00:00Z");

    private final List<RecordedEvent> history = new ArrayList<>();

    private void at(int minutes, PatientRecordEvent event) {
        history.add(new RecordedEvent(
                history.size() + 1, T0.plusSeconds(60L * minutes), event, "dr.karim", "DOCTOR", "req-" + minutes));
    }

    private List<RecordedEvent> until(int minutes) {
        Instant asOf = T0.plusSeconds(60L * minutes);
        return history.stream().filter(e -> !e.at().isAfter(asOf)).toList();
    }

    private void visit() {
        at(0, opened(FIRST));
        at(1, new ClinicalNoteWritten(RAHIM, FIRST, NoteSection.CHIEF_COMPLAINT, 1, "জ্বর"));
        at(
                2,
                new VitalSignsRecorded(
                        RAHIM, FIRST, UUID.randomUUID(), new VitalSigns(150, 95, 90, 38.5, 97, 18, 70.0, 170.0, null)));
        at(
                3,
                new DiagnosisRecorded(
                        RAHIM, FIRST, CHOLERA, DiagnosisRank.PRIMARY, "ICD11_MMS", "1A00", "Cholera", false));
        at(
                4,
                new DiagnosisRecorded(
                        RAHIM,
                        FIRST,
                        HYPERTENSION,
                        DiagnosisRank.SECONDARY,
                        "ICD11_MMS",
                        "BA00.Z",
                        "Essential hypertension, unspecified",
                        false));
        at(5, new DiagnosisRecorded(RAHIM, FIRST, ANAEMIA, DiagnosisRank.SECONDARY, null, null, "Anaemia?", true));
        at(6, new EncounterSigned(RAHIM, FIRST, DR_KARIM));
        at(10, new ClinicalNoteAmended(RAHIM, FIRST, NoteSection.CHIEF_COMPLAINT, 2, "জ্বর ও ডায়রিয়া", "Missed"));
        at(11, new DiagnosisResolved(RAHIM, FIRST, CHOLERA, "Recovered"));
        at(12, new DiagnosisRetracted(RAHIM, FIRST, ANAEMIA, "Haemoglobin normal"));
        at(20, opened(SECOND));
        at(
                21,
                new VitalSignsRecorded(
                        RAHIM,
                        SECOND,
                        UUID.randomUUID(),
                        new VitalSigns(130, 85, 80, null, null, null, 68.0, 170.0, null)));
    }

    static EncounterOpened opened(EncounterId id) {
        return new EncounterOpened(RAHIM, id, EncounterType.OUTPATIENT, EncounterOrigin.DIRECT, null, null, DR_KARIM);
    }

    @Test
    void foldsEncountersNewestFirstWithTheirStatus() {
        visit();
        List<EncounterRow> encounters = EncounterChart.of(history).encounters();
        assertThat(encounters).extracting(EncounterRow::encounterId).containsExactly(SECOND.value(), FIRST.value());
        assertThat(encounters)
                .extracting(EncounterRow::status)
                .containsExactly(EncounterStatus.OPEN, EncounterStatus.SIGNED);
        assertThat(encounters.get(1).signedBy()).isEqualTo("dr.karim");
    }

    @Test
    void keepsEveryNoteVersionWithAmendmentAndReason() {
        visit();
        List<NoteVersionRow> notes = EncounterChart.of(history).notes(FIRST.value());
        assertThat(notes).extracting(NoteVersionRow::version).containsExactly(1, 2);
        assertThat(notes).extracting(NoteVersionRow::text).containsExactly("জ্বর", "জ্বর ও ডায়রিয়া");
        assertThat(notes.get(1).amendment()).isTrue();
        assertThat(notes.get(1).reason()).isEqualTo("Missed");
    }

    @Test
    void asOfAnEarlierInstantShowsTheRecordAsItWasThen() {
        visit();
        EncounterChart then = EncounterChart.of(until(7));
        assertThat(then.encounters()).hasSize(1);
        assertThat(then.notes(FIRST.value())).extracting(NoteVersionRow::text).containsExactly("জ্বর");
        assertThat(then.activeProblems())
                .extracting(DiagnosisRow::diagnosisId)
                .containsExactlyInAnyOrder(CHOLERA, HYPERTENSION, ANAEMIA);
    }

    @Test
    void activeProblemsLeaveOutResolvedAndRetractedDiagnosesAcrossEncounters() {
        visit();
        EncounterChart chart = EncounterChart.of(history);
        assertThat(chart.activeProblems()).extracting(DiagnosisRow::diagnosisId).containsExactly(HYPERTENSION);
        assertThat(chart.diagnoses())
                .extracting(DiagnosisRow::status)
                .containsExactly(DiagnosisStatus.RETRACTED, DiagnosisStatus.ACTIVE, DiagnosisStatus.RESOLVED);
        assertThat(chart.diagnoses().get(0).statusReason()).isEqualTo("Haemoglobin normal");
        assertThat(chart.diagnoses().get(2).uncoded()).isFalse();
        assertThat(chart.diagnoses().get(0).uncoded()).isTrue();
    }

    @Test
    void vitalsAreATrendNewestFirstWithBmi() {
        visit();
        List<VitalsRow> vitals = EncounterChart.of(history).vitals();
        assertThat(vitals).extracting(v -> v.signs().systolic()).containsExactly(130, 150);
        assertThat(vitals.get(0).signs().bodyMassIndex()).isEqualTo(23.5);
        assertThat(vitals.get(1).signs().bodyMassIndex()).isEqualTo(24.2);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        visit();
        List<RecordedEvent> twice = new ArrayList<>(history);
        twice.addAll(history);
        EncounterChart once = EncounterChart.of(history);
        EncounterChart again = EncounterChart.of(twice);
        assertThat(again.encounters()).isEqualTo(once.encounters());
        assertThat(again.vitals()).isEqualTo(once.vitals());
        assertThat(again.notes(FIRST.value())).isEqualTo(once.notes(FIRST.value()));
        assertThat(again.diagnoses()).hasSameSizeAs(once.diagnoses());
    }

    @Test
    void erasedTextsFoldAsNulls() {
        at(0, opened(FIRST));
        at(1, new ClinicalNoteWritten(RAHIM, FIRST, NoteSection.HISTORY, 1, null));
        at(2, new DiagnosisRecorded(RAHIM, FIRST, CHOLERA, DiagnosisRank.PRIMARY, null, null, null, false));
        EncounterChart chart = EncounterChart.of(history);
        assertThat(chart.notes(FIRST.value())).extracting(NoteVersionRow::text).containsOnlyNulls();
        assertThat(chart.activeProblems()).extracting(DiagnosisRow::code).containsOnlyNulls();
    }
}
