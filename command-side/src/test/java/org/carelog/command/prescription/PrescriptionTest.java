package org.carelog.command.prescription;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.prescription.AllergyConflict;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.CourseDuration;
import org.carelog.api.prescription.DurationUnit;
import org.carelog.api.prescription.Frequency;
import org.carelog.api.prescription.MealTiming;
import org.carelog.api.prescription.MedicationStopped;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.PrescriptionReplaced;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.api.prescription.ReplacePrescription;
import org.carelog.api.prescription.StopMedication;
import org.carelog.api.prescription.Substance;
import org.carelog.api.prescription.WritePrescription;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.prescription.ActiveAllergies.ActiveAllergy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrescriptionTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final PatientId RAHIMA = PatientId.random();
    static final EncounterId VISIT = EncounterId.random();
    static final PrescriptionId RX = PrescriptionId.random();
    static final PrescriptionId RX2 = PrescriptionId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final BmdcNumber A_12345 = BmdcNumber.parse("A-12345");
    static final String REF = "verification-reference-1";
    static final MetaData DOCTOR = MetaData.from(Map.of("username", "karim", "role", "DOCTOR"));
    static final MetaData NURSE = MetaData.from(Map.of("username", "nasrin", "role", "NURSE"));
    static final MetaData UNLINKED = MetaData.from(Map.of("username", "locum", "role", "DOCTOR"));

    private AggregateTestFixture<Prescription> fixture;
    private Fakes fakes;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Prescription.class);
        fakes = new Fakes()
                .medicine("DB00316", "Acetaminophen", "Paracetamol", "Napa")
                .medicine("DB01060", "Amoxicillin", "Moxacil");
        fakes.staff.put("karim", DR_KARIM);
        fakes.staff.put("nasrin", PractitionerId.random());
        fakes.registrations.put(DR_KARIM, new BmdcRegistration(A_12345, TODAY));
        fakes.encounters.put(VISIT, new EncounterFacts(VISIT, RAHIMA, DR_KARIM, EncounterStatus.OPEN));
        fixture.registerInjectableResource(fakes);
        fixture.registerInjectableResource(
                Clock.fixed(TODAY.atTime(10, 0).atZone(DHAKA).toInstant(), DHAKA));
    }

    static PrescribedItem paracetamol(String brand) {
        return new PrescribedItem(
                "DB00316",
                "Acetaminophen",
                brand,
                "500 mg",
                "Tablet",
                "1",
                "oral",
                Frequency.parse("f", "1+1+1"),
                MealTiming.AFTER_MEALS,
                new CourseDuration(5, DurationUnit.DAYS),
                null,
                "জ্বর থাকলে খাবেন");
    }

    static PrescribedItem derived(PrescribedItem item) {
        return new PrescribedItem(
                item.medicineCode(),
                item.genericName(),
                item.brand(),
                item.strength(),
                item.form(),
                item.dose(),
                item.route(),
                item.frequency(),
                item.timing(),
                item.duration(),
                new BigDecimal("15"),
                item.instructions());
    }

    static WritePrescription write(PrescriptionId id, String overrideReason, PrescribedItem... items) {
        return new WritePrescription(
                id, RAHIMA, VISIT, List.of(items), "বিশ্রাম নিন", TODAY.plusDays(7), overrideReason, REF);
    }

    static PrescriptionSigned signed(PrescriptionId id, PrescriptionId replaces, PrescribedItem... items) {
        return new PrescriptionSigned(
                RAHIMA,
                id,
                VISIT,
                DR_KARIM,
                A_12345,
                TODAY,
                List.of(items),
                "বিশ্রাম নিন",
                TODAY.plusDays(7),
                replaces,
                List.of(),
                null,
                REF);
    }

    @Test
    void aDoctorWithAValidRegistrationSignsAndTheQuantityIsDerived() {
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed(RX, null, derived(paracetamol(null))));
    }

    @Test
    void aNurseCannotPrescribe() {
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void aDoctorNotLinkedToAPractitionerCannotSign() {
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), UNLINKED)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void anExpiredRegistrationCannotSign() {
        fakes.registrations.put(DR_KARIM, new BmdcRegistration(A_12345, TODAY.minusDays(1)));
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void aPrescriptionNeedsAMedicine() {
        fixture.givenNoPriorActivity()
                .when(write(RX, null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "items"));
    }

    @Test
    void aFollowUpInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(
                        new WritePrescription(
                                RX, RAHIMA, VISIT, List.of(paracetamol(null)), null, TODAY.minusDays(1), null, REF),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "followUpOn"));
    }

    @Test
    void aMedicineMatchingAnActiveAllergyBySynonymIsRefused() {
        AllergyId allergy = AllergyId.random();
        fakes.allergies.put(RAHIMA, List.of(new ActiveAllergy(allergy, new Substance(null, "paracetamol"), "SEVERE")));
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.ALLERGY_CONFLICT));
    }

    @Test
    void aBrandWhoseGenericMatchesAnAllergyIsRefused() {
        fakes.allergies.put(
                RAHIMA,
                List.of(new ActiveAllergy(AllergyId.random(), new Substance("DB01060", "Amoxicillin"), "MILD")));
        PrescribedItem moxacil = new PrescribedItem(
                null,
                "Moxacil",
                "Moxacil",
                "250 mg",
                "Capsule",
                "1",
                "oral",
                Frequency.parse("f", "1+1+1"),
                null,
                new CourseDuration(7, DurationUnit.DAYS),
                null,
                null);
        fixture.givenNoPriorActivity()
                .when(write(RX, null, moxacil), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.ALLERGY_CONFLICT));
    }

    @Test
    void anOverrideWithAReasonIsStoredInTheEvent() {
        AllergyId allergy = AllergyId.random();
        fakes.allergies.put(
                RAHIMA, List.of(new ActiveAllergy(allergy, new Substance("DB00316", "Acetaminophen"), "MILD")));
        PrescriptionSigned expected = new PrescriptionSigned(
                RAHIMA,
                RX,
                VISIT,
                DR_KARIM,
                A_12345,
                TODAY,
                List.of(derived(paracetamol("Napa"))),
                "বিশ্রাম নিন",
                TODAY.plusDays(7),
                null,
                List.of(new AllergyConflict(allergy, "Napa (Acetaminophen)", "Acetaminophen")),
                "mild rash only, benefit outweighs",
                REF);
        fixture.givenNoPriorActivity()
                .when(write(RX, "mild rash only, benefit outweighs", paracetamol("Napa")), DOCTOR)
                .expectEvents(expected);
    }

    @Test
    void anUnrelatedAllergyDoesNotStopAPrescription() {
        fakes.allergies.put(
                RAHIMA, List.of(new ActiveAllergy(AllergyId.random(), new Substance(null, "prawns"), "SEVERE")));
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed(RX, null, derived(paracetamol(null))));
    }

    @Test
    void aCorrectionIsANewPrescriptionThatReplacesTheOld() {
        fixture.given(signed(RX, null, derived(paracetamol(null))))
                .when(new ReplacePrescription(RX, write(RX2, null, paracetamol("Napa")), "brand requested"), DOCTOR)
                .expectEvents(
                        signed(RX2, RX, derived(paracetamol("Napa"))),
                        new PrescriptionReplaced(RAHIMA, RX, RX2, "brand requested"))
                .expectResultMessagePayload(RX2);
    }

    @Test
    void aReplacedPrescriptionCannotBeReplacedAgain() {
        fixture.given(
                        signed(RX, null, derived(paracetamol(null))),
                        new PrescriptionReplaced(RAHIMA, RX, RX2, "brand requested"))
                .when(
                        new ReplacePrescription(RX, write(PrescriptionId.random(), null, paracetamol(null)), "again"),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(signed(RX, null, derived(paracetamol(null))))
                .when(new ReplacePrescription(RX, write(RX2, null, paracetamol(null)), ""), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
    }

    @Test
    void aMedicineIsStoppedWithAReasonOnce() {
        fixture.given(signed(RX, null, derived(paracetamol(null))))
                .when(new StopMedication(RX, 0, "fever gone"), DOCTOR)
                .expectEvents(new MedicationStopped(RAHIMA, RX, 0, TODAY, "fever gone"));
        fixture.given(
                        signed(RX, null, derived(paracetamol(null))),
                        new MedicationStopped(RAHIMA, RX, 0, TODAY, "fever gone"))
                .when(new StopMedication(RX, 0, "fever gone"), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMedicineOfAReplacedPrescriptionIsStoppedOnItsReplacement() {
        fixture.given(
                        signed(RX, null, derived(paracetamol(null))),
                        new PrescriptionReplaced(RAHIMA, RX, RX2, "brand requested"))
                .when(new StopMedication(RX, 0, "fever gone"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aNurseCannotStopAMedicine() {
        fixture.given(signed(RX, null, derived(paracetamol(null))))
                .when(new StopMedication(RX, 0, "fever gone"), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void stoppingAMedicineThatIsNotThereIsRefused() {
        fixture.given(signed(RX, null, derived(paracetamol(null))))
                .when(new StopMedication(RX, 3, "x"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "item"));
    }

    @Test
    void aPrescriptionIsWrittenInTheOpenEncounterOfItsPatient() {
        EncounterId unknown = EncounterId.random();
        fixture.givenNoPriorActivity()
                .when(
                        new WritePrescription(RX, RAHIMA, unknown, List.of(paracetamol(null)), null, null, null, REF),
                        DOCTOR)
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        EncounterId someoneElses = EncounterId.random();
        fakes.encounters.put(
                someoneElses, new EncounterFacts(someoneElses, PatientId.random(), DR_KARIM, EncounterStatus.OPEN));
        fixture.givenNoPriorActivity()
                .when(
                        new WritePrescription(
                                RX, RAHIMA, someoneElses, List.of(paracetamol(null)), null, null, null, REF),
                        DOCTOR)
                .expectException(error(ErrorCode.VALIDATION, "encounterId"))
                .expectNoEvents();
        fakes.encounters.put(VISIT, new EncounterFacts(VISIT, RAHIMA, DR_KARIM, EncounterStatus.SIGNED));
        fixture.givenNoPriorActivity()
                .when(write(RX, null, paracetamol(null)), DOCTOR)
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
    }
}
