package org.carelog.command.lab;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.lab.CancelLabOrder;
import org.carelog.api.lab.CollectLabSample;
import org.carelog.api.lab.CorrectLabResult;
import org.carelog.api.lab.EnterLabResult;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabSampleCollected;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.lab.OrderLabTest;
import org.carelog.api.lab.ResultFlag;
import org.carelog.api.lab.VerifyLabResult;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.clinical.Encounters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabOrderTest {

    static final String HAEMOGLOBIN = "718-7";
    static final PatientId PATIENT = PatientId.random();
    static final LabOrderId ORDER = LabOrderId.random();
    static final EncounterId ENCOUNTER = EncounterId.random();
    static final EncounterId SIGNED = EncounterId.random();
    static final EncounterId OTHER_PATIENTS = EncounterId.random();
    static final java.util.List<EncounterFacts> ENCOUNTERS = java.util.List.of(
            new EncounterFacts(ENCOUNTER, PATIENT, PractitionerId.random(), EncounterStatus.OPEN),
            new EncounterFacts(SIGNED, PATIENT, PractitionerId.random(), EncounterStatus.SIGNED),
            new EncounterFacts(OTHER_PATIENTS, PatientId.random(), PractitionerId.random(), EncounterStatus.OPEN));
    static final LabResult LOW_HB = LabResult.interpret(
            "9.1", "g/dL", new BigDecimal("12"), new BigDecimal("16"), new BigDecimal("7"), null, null, null, null);
    static final LabResult NORMAL_HB = LabResult.interpret(
            "13.2", "g/dL", new BigDecimal("12"), new BigDecimal("16"), null, null, null, null, null);

    AggregateTestFixture<LabOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LabOrder.class);
        fixture.registerInjectableResource((LabCatalogue)
                code -> HAEMOGLOBIN.equals(code) ? Optional.of("Hemoglobin [Mass/volume] in Blood") : Optional.empty());
        fixture.registerInjectableResource((LabOrderPatients) PATIENT::equals);
        fixture.registerInjectableResource((Encounters) id ->
                ENCOUNTERS.stream().filter(e -> e.encounterId().equals(id)).findFirst());
    }

    static Map<String, Object> by(String username) {
        return Map.of(MetadataKeys.USERNAME, username);
    }

    static LabTestOrdered ordered() {
        return new LabTestOrdered(
                PATIENT,
                ORDER,
                ENCOUNTER,
                LabOrderKind.LAB,
                HAEMOGLOBIN,
                "Hemoglobin [Mass/volume] in Blood",
                LabPriority.URGENT,
                "pale, tired");
    }

    /** An event as it was stored: with the metadata of the command that caused it. */
    static GenericDomainEventMessage<?> stored(Object event, long sequence, String username) {
        return new GenericDomainEventMessage<>(
                "LabOrder", ORDER.toString(), sequence, event, MetaData.from(by(username)));
    }

    @Test
    void aTestIsOrderedByItsLoincNumberWithItsCatalogueName() {
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(
                        ORDER,
                        PATIENT,
                        ENCOUNTER,
                        LabOrderKind.LAB,
                        " 718-7 ",
                        null,
                        LabPriority.URGENT,
                        "pale, tired"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ordered());
    }

    @Test
    void anUnknownCodeAnUnknownPatientAndAStudyWithoutANameAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(ORDER, PATIENT, null, LabOrderKind.LAB, "99999-9", null, null, null))
                .expectException(error(ErrorCode.VALIDATION, "code"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(
                        ORDER, PatientId.random(), null, LabOrderKind.LAB, HAEMOGLOBIN, null, null, null))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(ORDER, PATIENT, null, LabOrderKind.IMAGING, null, " ", null, null))
                .expectException(error(ErrorCode.VALIDATION, "code"))
                .expectNoEvents();
    }

    @Test
    void anImagingStudyNamedAsWrittenTakesNoSampleAndIsReportedDirectly() {
        LabTestOrdered xray = new LabTestOrdered(
                PATIENT, ORDER, null, LabOrderKind.IMAGING, null, "X-ray chest PA", LabPriority.ROUTINE, null);
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(ORDER, PATIENT, null, LabOrderKind.IMAGING, null, "X-ray chest PA", null, null))
                .expectEvents(xray);
        fixture.given(xray)
                .when(new CollectLabSample(ORDER, "blood"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
        LabResult report = LabResult.interpret(
                "Patchy consolidation right lower zone", null, null, null, null, null, null, ResultFlag.ABNORMAL, null);
        fixture.given(xray)
                .when(new EnterLabResult(ORDER, report), by("tech1"))
                .expectEvents(new LabResultEntered(PATIENT, ORDER, 1, report));
    }

    @Test
    void aResultNeedsTheSampleFirstAndIsVerifiedOnlyBySomeoneElse() {
        fixture.given(ordered())
                .when(new EnterLabResult(ORDER, LOW_HB), by("tech1"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
        fixture.given(ordered(), new LabSampleCollected(PATIENT, ORDER, "EDTA blood"))
                .when(new EnterLabResult(ORDER, LOW_HB), by("tech1"))
                .expectResultMessagePayload(1)
                .expectEvents(new LabResultEntered(PATIENT, ORDER, 1, LOW_HB));
        fixture.given(
                        stored(ordered(), 0, "doctor1"),
                        stored(new LabSampleCollected(PATIENT, ORDER, "EDTA blood"), 1, "nurse1"),
                        stored(new LabResultEntered(PATIENT, ORDER, 1, LOW_HB), 2, "tech1"))
                .when(new VerifyLabResult(ORDER, 1), by("TECH1"))
                .expectException(error(ErrorCode.FORBIDDEN))
                .expectNoEvents();
        fixture.given(
                        stored(ordered(), 0, "doctor1"),
                        stored(new LabSampleCollected(PATIENT, ORDER, "EDTA blood"), 1, "nurse1"),
                        stored(new LabResultEntered(PATIENT, ORDER, 1, LOW_HB), 2, "tech1"))
                .when(new VerifyLabResult(ORDER, 1), by("tech2"))
                .expectEvents(new LabResultVerified(PATIENT, ORDER, 1));
    }

    @Test
    void aVerifiedResultIsCorrectedOnlyWithAReasonAsANewVersionVerifiedAgain() {
        Object[] verified = {
            stored(ordered(), 0, "doctor1"),
            stored(new LabSampleCollected(PATIENT, ORDER, "EDTA blood"), 1, "nurse1"),
            stored(new LabResultEntered(PATIENT, ORDER, 1, LOW_HB), 2, "tech1"),
            stored(new LabResultVerified(PATIENT, ORDER, 1), 3, "tech2")
        };
        fixture.given(verified)
                .when(new CorrectLabResult(ORDER, NORMAL_HB, " "), by("tech1"))
                .expectException(error(ErrorCode.VALIDATION, "reason"))
                .expectNoEvents();
        fixture.given(verified)
                .when(new CorrectLabResult(ORDER, NORMAL_HB, "sample was mislabelled"), by("tech1"))
                .expectEvents(new LabResultCorrected(PATIENT, ORDER, 2, NORMAL_HB, "sample was mislabelled"));
        fixture.given(
                        verified[0],
                        verified[1],
                        verified[2],
                        verified[3],
                        stored(
                                new LabResultCorrected(PATIENT, ORDER, 2, NORMAL_HB, "sample was mislabelled"),
                                4,
                                "tech2"))
                .when(new VerifyLabResult(ORDER, 1), by("tech1"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void onlyAnOrderWithoutAResultIsCancelledAndOnlyWithAReason() {
        fixture.given(ordered())
                .when(new CancelLabOrder(ORDER, "no"))
                .expectException(error(ErrorCode.VALIDATION, "reason"))
                .expectNoEvents();
        fixture.given(ordered())
                .when(new CancelLabOrder(ORDER, "patient left before collection"))
                .expectEvents(new LabOrderCancelled(PATIENT, ORDER, "patient left before collection"));
        fixture.given(
                        ordered(),
                        new LabSampleCollected(PATIENT, ORDER, null),
                        new LabResultEntered(PATIENT, ORDER, 1, LOW_HB))
                .when(new CancelLabOrder(ORDER, "patient left before collection"))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aNumericResultIsFlaggedByItsRangeNeverByHand() {
        org.assertj.core.api.Assertions.assertThat(LOW_HB.flag()).isEqualTo(ResultFlag.LOW);
        org.assertj.core.api.Assertions.assertThat(LabResult.interpret(
                                "6.5",
                                "g/dL",
                                new BigDecimal("12"),
                                new BigDecimal("16"),
                                new BigDecimal("7"),
                                null,
                                null,
                                ResultFlag.NORMAL,
                                null)
                        .flag())
                .isEqualTo(ResultFlag.CRITICAL_LOW);
        org.assertj.core.api.Assertions.assertThat(NORMAL_HB.abnormal()).isFalse();
        org.assertj.core.api.Assertions.assertThat(LabResult.interpret(
                                "১৩.২",
                                "g/dL",
                                new BigDecimal("12"),
                                new BigDecimal("16"),
                                null,
                                null,
                                null,
                                null,
                                null)
                        .numeric())
                .isEqualByComparingTo("13.2");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LabResult.interpret("Positive", null, null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(CarelogException.class, e -> org.assertj.core.api.Assertions.assertThat(
                                e.error().violations().get(0).field())
                        .isEqualTo("flag"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        LabResult.interpret("9.1", null, new BigDecimal("12"), null, null, null, null, null, null))
                .isInstanceOfSatisfying(CarelogException.class, e -> org.assertj.core.api.Assertions.assertThat(
                                e.error().violations().get(0).field())
                        .isEqualTo("unit"));
    }

    @Test
    void collectingTwiceIsQuiet() {
        fixture.given(ordered(), new LabSampleCollected(PATIENT, ORDER, "EDTA blood"))
                .when(new CollectLabSample(ORDER, "EDTA blood"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderFromAnEncounterNeedsThePatientsOpenEncounter() {
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(
                        ORDER, PATIENT, EncounterId.random(), LabOrderKind.LAB, HAEMOGLOBIN, null, null, null))
                .expectException(error(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(ORDER, PATIENT, OTHER_PATIENTS, LabOrderKind.LAB, HAEMOGLOBIN, null, null, null))
                .expectException(error(ErrorCode.VALIDATION, "encounterId"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OrderLabTest(ORDER, PATIENT, SIGNED, LabOrderKind.LAB, HAEMOGLOBIN, null, null, null))
                .expectException(error(ErrorCode.CONFLICT))
                .expectNoEvents();
    }
}
