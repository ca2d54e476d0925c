package org.carelog.projection.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.carelog.api.prescription.AllergySummary;
import org.carelog.api.prescription.CurrentMedication;
import org.carelog.api.prescription.MedicationChartView;
import org.carelog.api.prescription.MedicationStopped;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionReplaced;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.api.prescription.StoppedItem;

/**
 * A patient's allergies and prescriptions: the pure fold that both the live projector (which stores the result)
 * and the chart {@code asOf} an instant (which folds the patient's history) apply. No Spring, no I/O: the
 * same events in the same order give the same chart. Applying an event twice changes nothing (redelivery).
 * Personal parts of an erased patient's events are null and stay null here.
 */
public record MedicationChart(Map<String, AllergySummary> allergies, Map<String, PrescriptionSummary> prescriptions) {

    public MedicationChart {
        allergies = new LinkedHashMap<>(allergies);
        prescriptions = new LinkedHashMap<>(prescriptions);
    }

    public static MedicationChart empty() {
        return new MedicationChart(Map.of(), Map.of());
    }

    /** Whether this fold handles {@code event}. */
    public static boolean folds(Object event) {
        return event instanceof AllergyRecorded
                || event instanceof AllergyStatusChanged
                || event instanceof PrescriptionSigned
                || event instanceof PrescriptionReplaced
                || event instanceof MedicationStopped;
    }

    /**
     * The chart after {@code event}, stored at {@code at}, caused by {@code username} acting as {@code role}.
     * Events this fold does not know leave it as it is.
     */
    public MedicationChart apply(Object event, Instant at, String username, String role) {
        MedicationChart next = new MedicationChart(allergies, prescriptions);
        if (event instanceof AllergyRecorded e) {
            next.allergies.putIfAbsent(
                    e.allergyId().toString(),
                    new AllergySummary(
                            e.allergyId().toString(),
                            e.substance() == null ? null : e.substance().code(),
                            e.substance() == null ? null : e.substance().name(),
                            e.category(),
                            e.reaction(),
                            e.severity(),
                            AllergyStatus.ACTIVE,
                            null,
                            username,
                            role,
                            at,
                            at));
        } else if (event instanceof AllergyStatusChanged e) {
            next.allergies.computeIfPresent(
                    e.allergyId().toString(),
                    (id, a) -> new AllergySummary(
                            a.allergyId(),
                            a.substanceCode(),
                            a.substanceName(),
                            a.category(),
                            a.reaction(),
                            a.severity(),
                            e.status(),
                            e.reason(),
                            a.recordedBy(),
                            a.recordedByRole(),
                            a.recordedAt(),
                            at));
        } else if (event instanceof PrescriptionSigned e) {
            next.prescriptions.putIfAbsent(
                    e.prescriptionId().toString(),
                    new PrescriptionSummary(
                            e.prescriptionId().toString(),
                            e.patientId().toString(),
                            e.encounterId().toString(),
                            e.practitionerId().toString(),
                            e.bmdcNumber().value(),
                            username,
                            at,
                            e.signedOn(),
                            e.items(),
                            e.advice(),
                            e.followUpOn(),
                            e.replaces() == null ? null : e.replaces().toString(),
                            null,
                            null,
                            e.conflicts(),
                            e.reason(),
                            e.verificationReference(),
                            List.of()));
        } else if (event instanceof PrescriptionReplaced e) {
            next.prescriptions.computeIfPresent(
                    e.prescriptionId().toString(),
                    (id, p) -> with(p, e.replacedBy().toString(), e.reason(), p.stopped()));
        } else if (event instanceof MedicationStopped e) {
            next.prescriptions.computeIfPresent(e.prescriptionId().toString(), (id, p) -> {
                if (p.stopped().stream().anyMatch(s -> s.item() == e.item())) {
                    return p;
                }
                List<StoppedItem> stopped = new ArrayList<>(p.stopped());
                stopped.add(new StoppedItem(e.item(), e.stoppedOn(), e.reason(), username, at));
                return with(p, p.replacedBy(), p.replacedReason(), stopped);
            });
        } else {
            return this;
        }
        return next;
    }

    private static PrescriptionSummary with(
            PrescriptionSummary p, String replacedBy, String replacedReason, List<StoppedItem> stopped) {
        return new PrescriptionSummary(
                p.prescriptionId(),
                p.patientId(),
                p.encounterId(),
                p.practitionerId(),
                p.bmdcNumber(),
                p.signedBy(),
                p.signedAt(),
                p.signedOn(),
                p.items(),
                p.advice(),
                p.followUpOn(),
                p.replaces(),
                replacedBy,
                replacedReason,
                p.conflicts(),
                p.overrideReason(),
                p.verificationReference(),
                List.copyOf(stopped));
    }

    /** Allergies in the order recorded; prescriptions newest first. */
    public MedicationChartView view() {
        return new MedicationChartView(
                allergies.values().stream()
                        .sorted(Comparator.comparing(AllergySummary::recordedAt)
                                .thenComparing(AllergySummary::allergyId))
                        .toList(),
                prescriptions.values().stream()
                        .sorted(Comparator.comparing(PrescriptionSummary::signedAt)
                                .reversed()
                                .thenComparing(PrescriptionSummary::prescriptionId))
                        .toList());
    }

    /**
     * What the patient is taking on {@code today}: every medicine of a signed prescription that was not replaced,
     * not stopped, and is continuing or within its course (first day the day of signing).
     */
    public static List<CurrentMedication> currentMedications(MedicationChartView chart, LocalDate today) {
        List<CurrentMedication> current = new ArrayList<>();
        for (PrescriptionSummary p : chart.prescriptions()) {
            if (p.replacedBy() != null || p.items() == null) {
                continue;
            }
            for (int i = 0; i < p.items().size(); i++) {
                int index = i;
                PrescribedItem item = p.items().get(i);
                if (p.stopped().stream().anyMatch(s -> s.item() == index) || item.duration() == null) {
                    continue;
                }
                LocalDate last = item.duration().lastDay(p.signedOn());
                if (last == null || !last.isBefore(today)) {
                    current.add(new CurrentMedication(p.prescriptionId(), i, item, p.signedOn(), last));
                }
            }
        }
        return current;
    }
}
