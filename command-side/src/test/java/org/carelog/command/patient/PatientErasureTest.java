package org.carelog.command.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.command.patient.CarelogErrorMatchers.conflictHolding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.ErasePatient;
import org.carelog.api.patient.ErasureBasis;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NationalId;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PatientRegistration;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.Sex;
import org.carelog.api.patient.UpdatePatientDetails;
import org.carelog.command.common.SubjectKeys;
import org.carelog.command.patient.PatientRegistry.IdentifierKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasure: the key is destroyed with the event, never while records must be kept, and only once. */
class PatientErasureTest {

    private static final Instant REGISTERED_AT = Instant.parse("2025-03-15T04:00:00Z");
    private static final PatientId RAHIM = PatientId.of("6f1c2b1e-8a57-4f3e-9a52-3c1d2f4b5a01");
    private static final MedicalRecordNumber MRN = MedicalRecordNumber.of("CLG", 42);
    private static final NationalId NID = NationalId.parse("1234567890");
    private static final PatientDemographics DEMOGRAPHICS = new PatientDemographics(
            PersonName.of("রহিম উদ্দিন", "Rahim Uddin"),
            Sex.MALE,
            BirthDate.exact(LocalDate.of(1985, 6, 1), LocalDate.of(2025, 3, 15)),
            BloodGroup.O_POSITIVE);
    private static final PatientContact CONTACT =
            new PatientContact(PhoneNumber.mobile("01712-345678"), null, null, null, null);
    private static final PatientRegistered REGISTERED = new PatientRegistered(
            RAHIM,
            MRN,
            DEMOGRAPHICS,
            new PatientIdentifiers(NID, null),
            CONTACT,
            new CommunicationConsent(true, false),
            null);
    /** The same event read back after the key was destroyed: its personal parts are gone. */
    private static final PatientRegistered REGISTERED_AFTER_SHREDDING =
            new PatientRegistered(RAHIM, MRN, null, null, null, new CommunicationConsent(true, false), null);

    private static final ErasePatient ERASE = new ErasePatient(RAHIM, ErasureBasis.DATA_SUBJECT_REQUEST, "DPR-2025/17");

    private final List<String> destroyedKeys = new ArrayList<>();
    private final SubjectKeys keys = destroyedKeys::add;
    private InMemoryPatientRegistry registry;
    private FixtureConfiguration<Patient> fixture;
    private Instant retentionCutOff;

    @BeforeEach
    void setUp() {
        registry = new InMemoryPatientRegistry("CLG", 41);
        retentionCutOff = Instant.MAX;
        ClinicalRetention retention = lastActivity -> lastActivity.isAfter(retentionCutOff)
                ? Optional.of(LocalDate.ofInstant(lastActivity, ZoneOffset.UTC).plusYears(10))
                : Optional.empty();
        fixture = new AggregateTestFixture<>(Patient.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(retention);
        fixture.registerInjectableResource(keys);
        assertThat(registry.claim(RAHIM, IdentifierKind.NATIONAL_ID, NID.value()))
                .isEmpty();
        registry.remember(RAHIM, MRN, DEMOGRAPHICS.name(), DEMOGRAPHICS.birthDate(), CONTACT.phone());
    }

    @Test
    void erasureDestroysTheKeyForgetsTheRegistryFactsAndRecordsOnlyTheBasis() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(REGISTERED)
                .when(ERASE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PatientErased(RAHIM, ErasureBasis.DATA_SUBJECT_REQUEST, "DPR-2025/17"))
                .expectResultMessagePayload(new PatientRegistration(RAHIM, MRN));

        assertThat(destroyedKeys).containsExactly(RAHIM.toString());
        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, NID.value())).isEmpty();
        assertThat(registry.probableDuplicates(
                        PatientId.random(), DEMOGRAPHICS.name(), DEMOGRAPHICS.birthDate(), CONTACT.phone()))
                .isEmpty();
    }

    @Test
    void refusesErasureWhileTheClinicalRecordMustBeKept() {
        retentionCutOff = REGISTERED_AT.minusSeconds(1);

        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(REGISTERED)
                .when(ERASE)
                .expectException(conflictHolding("retainedUntil", "2035-03-15"))
                .expectNoEvents();

        assertThat(destroyedKeys).isEmpty();
        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, NID.value())).contains(RAHIM);
    }

    @Test
    void aRepeatedErasureChangesNothing() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(REGISTERED_AFTER_SHREDDING, new PatientErased(RAHIM, ErasureBasis.LEGAL_ORDER, "C-1"))
                .when(ERASE)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new PatientRegistration(RAHIM, MRN));

        assertThat(destroyedKeys).isEmpty();
    }

    @Test
    void refusesChangesToAnErasedPatient() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(REGISTERED_AFTER_SHREDDING, new PatientErased(RAHIM, ErasureBasis.LEGAL_ORDER, "C-1"))
                .when(new UpdatePatientDetails(RAHIM, DEMOGRAPHICS, null, null, null))
                .expectException(conflictHolding("erased", true))
                .expectNoEvents();
    }
}
