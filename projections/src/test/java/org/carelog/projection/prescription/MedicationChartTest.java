package org.carelog.projection.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.prescription.AllergyCategory;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.AllergyListId;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergySeverity;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.carelog.api.prescription.CourseDuration;
import org.carelog.api.prescription.CurrentMedication;
import org.carelog.api.prescription.DurationUnit;
import org.carelog.api.prescription.Frequency;
import org.carelog.api.prescription.MealTiming;
import org.carelog.api.prescription.MedicationChartView;
import org.carelog.api.prescription.MedicationStopped;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.PrescriptionReplaced;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.api.prescription.Substance;
import org.junit.jupiter.api.Test;

class MedicationChartTest {

    static final PatientId RAHIMA = PatientId.random();
    static final AllergyId PENICILLIN = AllergyId.random();
    static final PrescriptionId RX = PrescriptionId.random();
    static final PrescriptionId RX2 = PrescriptionId.random();
    static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    static final Instant T1 = Instant.parse("2026-03-10T04:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-10T05:00:00Z");
    static final Instant T3 = Instant.parse("2026-03-12T05:00:00Z");

    static PrescribedItem item(String generic, CourseDuration duration) {
        return new PrescribedItem(
                null,
                generic,
                null,
                "500 mg",
                "Tablet",
                "1",
                "oral",
                Frequency.parse("f", "1+0+1"),
                MealTiming.AFTER_MEALS,
                duration,
                new BigDecimal("10"),
                "খাবার পরে");
    }

    static PrescriptionSigned signed(PrescriptionId id, PrescriptionId replaces, PrescribedItem... items) {
        return new PrescriptionSigned(
                RAHIMA,
                id,
                EncounterId.random(),
                PractitionerId.random(),
                BmdcNumber.parse("A-12345"),
                MARCH_10,
                List.of(items),
                "বিশ্রাম",
                MARCH_10.plusDays(7),
                replaces,
                List.of(),
                null,
                "ref-0123456789abcdef");
    }

    static final AllergyRecorded RECORDED = new AllergyRecorded(
            RAHIMA,
            AllergyListId.of(RAHIMA),
            PENICILLIN,
            new Substance("DB01053", "Benzylpenicillin"),
            AllergyCategory.DRUG,
            "rash",
            AllergySeverity.SEVERE);

    @Test
    void recordsAnAllergyWithItsAuthorAndChangesItsStatus() {
        MedicationChart chart = MedicationChart.empty()
                .apply(RECORDED, T1, "nasrin", "NURSE")
                .apply(
                        new AllergyStatusChanged(
                                RAHIMA, AllergyListId.of(RAHIMA), PENICILLIN, AllergyStatus.INACTIVE, "tolerated"),
                        T2,
                        "karim",
                        "DOCTOR");
        var allergy = chart.view().allergies().get(0);
        assertThat(allergy.substanceName()).isEqualTo("Benzylpenicillin");
        assertThat(allergy.recordedBy()).isEqualTo("nasrin");
        assertThat(allergy.recordedByRole()).isEqualTo("NURSE");
        assertThat(allergy.status()).isEqualTo(AllergyStatus.INACTIVE);
        assertThat(allergy.statusReason()).isEqualTo("tolerated");
        assertThat(allergy.recordedAt()).isEqualTo(T1);
        assertThat(allergy.updatedAt()).isEqualTo(T2);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        MedicationChart once = MedicationChart.empty()
                .apply(RECORDED, T1, "nasrin", "NURSE")
                .apply(
                        signed(RX, null, item("Acetaminophen", new CourseDuration(5, DurationUnit.DAYS))),
                        T2,
                        "karim",
                        "DOCTOR")
                .apply(new MedicationStopped(RAHIMA, RX, 0, MARCH_10, "fever gone"), T3, "karim", "DOCTOR");
        MedicationChart twice = once.apply(RECORDED, T3, "someone", "NURSE")
                .apply(signed(RX, null, item("Other", CourseDuration.continuing())), T3, "x", "DOCTOR")
                .apply(new MedicationStopped(RAHIMA, RX, 0, MARCH_10, "again"), T3, "karim", "DOCTOR");
        assertThat(twice).isEqualTo(once);
        assertThat(MedicationChartCodec.read(MedicationChartCodec.write(once))).isEqualTo(once);
    }

    @Test
    void currentMedicationsAreWithinTheirCourseNotStoppedAndNotReplaced() {
        MedicationChart chart = MedicationChart.empty()
                .apply(
                        signed(
                                RX,
                                null,
                                item("Acetaminophen", new CourseDuration(5, DurationUnit.DAYS)),
                                item("Amlodipine", CourseDuration.continuing()),
                                item("Omeprazole", new CourseDuration(1, DurationUnit.MONTHS))),
                        T1,
                        "karim",
                        "DOCTOR")
                .apply(
                        new MedicationStopped(RAHIMA, RX, 2, MARCH_10.plusDays(1), "dyspepsia settled"),
                        T2,
                        "karim",
                        "DOCTOR");
        MedicationChartView view = chart.view();
        assertThat(names(MedicationChart.currentMedications(view, MARCH_10.plusDays(4))))
                .containsExactly("Acetaminophen", "Amlodipine");
        assertThat(names(MedicationChart.currentMedications(view, MARCH_10.plusDays(5))))
                .containsExactly("Amlodipine");

        MedicationChart replaced = chart.apply(
                        signed(RX2, RX, item("Losartan", CourseDuration.continuing())), T3, "karim", "DOCTOR")
                .apply(new PrescriptionReplaced(RAHIMA, RX, RX2, "switch to losartan"), T3, "karim", "DOCTOR");
        assertThat(names(MedicationChart.currentMedications(replaced.view(), MARCH_10.plusDays(2))))
                .containsExactly("Losartan");
        assertThat(replaced.view().prescriptions()).hasSize(2);
        assertThat(replaced.view().prescriptions().get(1).replacedBy()).isEqualTo(RX2.toString());
        assertThat(replaced.view().prescriptions().get(0).replaces()).isEqualTo(RX.toString());
    }

    @Test
    void anErasedPatientsEventsFoldWithoutTheirPersonalParts() {
        AllergyRecorded erased =
                new AllergyRecorded(RAHIMA, AllergyListId.of(RAHIMA), PENICILLIN, null, null, null, null);
        PrescriptionSigned erasedRx = new PrescriptionSigned(
                RAHIMA,
                RX,
                EncounterId.random(),
                PractitionerId.random(),
                BmdcNumber.parse("A-12345"),
                MARCH_10,
                null,
                null,
                null,
                null,
                null,
                null,
                "ref-0123456789abcdef");
        MedicationChart chart =
                MedicationChart.empty().apply(erased, T1, "nasrin", "NURSE").apply(erasedRx, T2, "karim", "DOCTOR");
        assertThat(chart.view().allergies().get(0).substanceName()).isNull();
        assertThat(MedicationChart.currentMedications(chart.view(), MARCH_10)).isEmpty();
    }

    @Test
    void anAsOfFoldStopsWhereItsEventsStop() {
        List<Object> events = List.of(
                RECORDED,
                signed(RX, null, item("Acetaminophen", new CourseDuration(5, DurationUnit.DAYS))),
                new MedicationStopped(RAHIMA, RX, 0, MARCH_10, "fever gone"));
        MedicationChart before = MedicationChart.empty();
        for (Object e : events.subList(0, 2)) {
            before = before.apply(e, T1, "karim", "DOCTOR");
        }
        assertThat(names(MedicationChart.currentMedications(before.view(), MARCH_10)))
                .containsExactly("Acetaminophen");
        assertThat(before.apply("not a chart event", T2, "x", "y")).isSameAs(before);
    }

    private static List<String> names(List<CurrentMedication> current) {
        return current.stream().map(c -> c.medicine().genericName()).toList();
    }
}
