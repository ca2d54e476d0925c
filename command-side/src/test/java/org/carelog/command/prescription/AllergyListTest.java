package org.carelog.command.prescription;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.AllergyCategory;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.AllergyListId;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergySeverity;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.carelog.api.prescription.ChangeAllergyStatus;
import org.carelog.api.prescription.RecordAllergy;
import org.carelog.api.prescription.Substance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllergyListTest {

    static final PatientId RAHIMA = PatientId.random();
    static final AllergyListId LIST = AllergyListId.of(RAHIMA);
    static final AllergyId PENICILLIN = AllergyId.random();
    static final Substance PENICILLIN_G = new Substance("DB01053", "Benzylpenicillin");
    static final MetaData NURSE = MetaData.from(Map.of("username", "nurse", "role", "NURSE"));
    static final MetaData DOCTOR = MetaData.from(Map.of("username", "doctor", "role", "DOCTOR"));
    static final MetaData RECEPTIONIST = MetaData.from(Map.of("username", "desk", "role", "RECEPTIONIST"));

    private AggregateTestFixture<AllergyList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllergyList.class);
    }

    static AllergyRecorded recorded() {
        return new AllergyRecorded(
                RAHIMA, LIST, PENICILLIN, PENICILLIN_G, AllergyCategory.DRUG, "rash", AllergySeverity.SEVERE);
    }

    static RecordAllergy record() {
        return new RecordAllergy(
                LIST, RAHIMA, PENICILLIN, PENICILLIN_G, AllergyCategory.DRUG, " rash ", AllergySeverity.SEVERE);
    }

    @Test
    void aNurseRecordsTheFirstAllergyOfAPatient() {
        fixture.givenNoPriorActivity()
                .when(record(), NURSE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded())
                .expectResultMessagePayload(PENICILLIN);
    }

    @Test
    void theListIsNotThePatientsOwnAggregateId() {
        org.assertj.core.api.Assertions.assertThat(LIST.value()).isNotEqualTo(RAHIMA.value());
        org.assertj.core.api.Assertions.assertThat(AllergyListId.of(RAHIMA)).isEqualTo(LIST);
    }

    @Test
    void aRepeatedRecordChangesNothing() {
        fixture.given(recorded())
                .when(record(), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAReceptionist() {
        fixture.givenNoPriorActivity()
                .when(record(), RECEPTIONIST)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void refusesAListOfAnotherPatient() {
        fixture.givenNoPriorActivity()
                .when(
                        new RecordAllergy(
                                AllergyListId.of(PatientId.random()),
                                RAHIMA,
                                PENICILLIN,
                                PENICILLIN_G,
                                AllergyCategory.DRUG,
                                null,
                                AllergySeverity.MILD),
                        NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "patientId"));
    }

    @Test
    void refusesAnAllergyWithoutSubstanceOrSeverity() {
        fixture.givenNoPriorActivity()
                .when(
                        new RecordAllergy(
                                LIST,
                                RAHIMA,
                                AllergyId.random(),
                                new Substance(null, " "),
                                AllergyCategory.FOOD,
                                null,
                                AllergySeverity.MILD),
                        NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "substance"));
        fixture.givenNoPriorActivity()
                .when(
                        new RecordAllergy(
                                LIST,
                                RAHIMA,
                                AllergyId.random(),
                                new Substance(null, "prawns"),
                                AllergyCategory.FOOD,
                                null,
                                null),
                        NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "severity"));
    }

    @Test
    void anAllergyBecomesInactiveWithAReason() {
        fixture.given(recorded())
                .when(
                        new ChangeAllergyStatus(LIST, PENICILLIN, AllergyStatus.INACTIVE, "tolerated amoxicillin"),
                        DOCTOR)
                .expectEvents(new AllergyStatusChanged(
                        RAHIMA, LIST, PENICILLIN, AllergyStatus.INACTIVE, "tolerated amoxicillin"));
    }

    @Test
    void aStatusChangeNeedsAReason() {
        fixture.given(recorded())
                .when(new ChangeAllergyStatus(LIST, PENICILLIN, AllergyStatus.INACTIVE, " "), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
    }

    @Test
    void theSameStatusAgainChangesNothing() {
        fixture.given(recorded())
                .when(new ChangeAllergyStatus(LIST, PENICILLIN, AllergyStatus.ACTIVE, "still"), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAllergyEnteredInErrorStaysSo() {
        fixture.given(
                        recorded(),
                        new AllergyStatusChanged(
                                RAHIMA, LIST, PENICILLIN, AllergyStatus.ENTERED_IN_ERROR, "wrong patient"))
                .when(new ChangeAllergyStatus(LIST, PENICILLIN, AllergyStatus.ACTIVE, "oops"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void anUnknownAllergyIsNotFound() {
        fixture.given(recorded())
                .when(new ChangeAllergyStatus(LIST, AllergyId.random(), AllergyStatus.INACTIVE, "x"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }
}
