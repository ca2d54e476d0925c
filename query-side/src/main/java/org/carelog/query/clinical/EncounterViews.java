package org.carelog.query.clinical;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.reference.CodeSystem;
import org.carelog.projection.clinical.DiagnosisRow;
import org.carelog.projection.clinical.EncounterChart;
import org.carelog.projection.clinical.EncounterRow;
import org.carelog.projection.clinical.NoteVersionRow;
import org.carelog.projection.clinical.VitalsRow;
import org.carelog.projection.clinical.WorklistRow;

/** The GraphQL shapes of encounters, notes, vital signs, diagnoses and worklists, made from read-model rows. */
final class EncounterViews {

    private EncounterViews() {}

    /**
     * An encounter; {@code folded} is the chart it was reconstructed in (asOf), whose notes, vitals and diagnoses
     * its nested fields then read instead of the tables.
     */
    record EncounterView(
            String id,
            String patientId,
            EncounterType type,
            EncounterOrigin origin,
            String appointmentId,
            String tokenId,
            String attendingPractitionerId,
            EncounterStatus status,
            OffsetDateTime openedAt,
            String openedBy,
            OffsetDateTime signedAt,
            String signedBy,
            EncounterChart folded) {

        static EncounterView of(EncounterRow r, ZoneId zone, EncounterChart folded) {
            return new EncounterView(
                    r.encounterId().toString(),
                    r.patientId().toString(),
                    r.type(),
                    r.origin(),
                    text(r.appointmentId()),
                    r.tokenId(),
                    r.attendingId().toString(),
                    r.status(),
                    at(r.openedAt(), zone),
                    r.openedBy(),
                    at(r.signedAt(), zone),
                    r.signedBy(),
                    folded);
        }
    }

    record ClinicalNoteView(NoteSection section, int version, String text, List<NoteVersionView> versions) {

        /** Sections in clinical order, each with its versions oldest first (rows sorted by section, version). */
        static List<ClinicalNoteView> of(List<NoteVersionRow> rows, ZoneId zone) {
            Map<NoteSection, List<NoteVersionView>> bySection = new LinkedHashMap<>();
            for (NoteVersionRow r : rows) {
                bySection
                        .computeIfAbsent(r.section(), s -> new ArrayList<>())
                        .add(new NoteVersionView(
                                r.version(),
                                r.text(),
                                r.amendment(),
                                r.reason(),
                                r.author(),
                                r.authorRole(),
                                at(r.writtenAt(), zone)));
            }
            List<ClinicalNoteView> notes = new ArrayList<>();
            bySection.forEach((section, versions) -> {
                NoteVersionView current = versions.get(versions.size() - 1);
                notes.add(new ClinicalNoteView(section, current.version(), current.text(), versions));
            });
            return notes;
        }
    }

    record NoteVersionView(
            int version,
            String text,
            boolean amendment,
            String reason,
            String author,
            String authorRole,
            OffsetDateTime writtenAt) {}

    record VitalSignsView(
            String id,
            String encounterId,
            OffsetDateTime takenAt,
            String recordedBy,
            Integer systolic,
            Integer diastolic,
            Integer pulse,
            Double temperatureCelsius,
            Integer spo2,
            Integer respiratoryRate,
            Double weightKg,
            Double heightCm,
            Double bmi,
            Double glucoseMmolPerL) {

        static VitalSignsView of(VitalsRow r, ZoneId zone) {
            var s = r.signs();
            return new VitalSignsView(
                    r.vitalsId().toString(),
                    r.encounterId().toString(),
                    at(r.takenAt(), zone),
                    r.recordedBy(),
                    s == null ? null : s.systolic(),
                    s == null ? null : s.diastolic(),
                    s == null ? null : s.pulse(),
                    s == null ? null : s.temperatureCelsius(),
                    s == null ? null : s.spo2(),
                    s == null ? null : s.respiratoryRate(),
                    s == null ? null : s.weightKg(),
                    s == null ? null : s.heightCm(),
                    s == null ? null : s.bodyMassIndex(),
                    s == null ? null : s.glucoseMmolPerL());
        }
    }

    record DiagnosisView(
            String id,
            String encounterId,
            DiagnosisRank rank,
            CodeSystem system,
            String code,
            String title,
            boolean uncoded,
            DiagnosisStatus status,
            String statusReason,
            OffsetDateTime recordedAt,
            String recordedBy,
            OffsetDateTime changedAt) {

        static DiagnosisView of(DiagnosisRow r, ZoneId zone) {
            return new DiagnosisView(
                    r.diagnosisId().toString(),
                    r.encounterId().toString(),
                    r.rank(),
                    r.system() == null ? null : CodeSystem.valueOf(r.system()),
                    r.code(),
                    r.title(),
                    r.uncoded(),
                    r.status(),
                    r.statusReason(),
                    at(r.recordedAt(), zone),
                    r.recordedBy(),
                    at(r.changedAt(), zone));
        }
    }

    record WorklistItemView(
            String kind,
            String patientId,
            String appointmentId,
            String tokenId,
            String label,
            String encounterId,
            OffsetDateTime at) {

        static WorklistItemView of(WorklistRow r, ZoneId zone) {
            return new WorklistItemView(
                    r.kind(),
                    r.patientId().toString(),
                    text(r.appointmentId()),
                    r.tokenId(),
                    r.label(),
                    text(r.encounterId()),
                    EncounterViews.at(r.at(), zone));
        }
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
