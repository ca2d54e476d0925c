package org.carelog.command.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.command.patient.CarelogErrorMatchers.conflictWith;
import static org.carelog.command.patient.CarelogErrorMatchers.identifierTaken;
import static org.carelog.command.patient.CarelogErrorMatchers.rejecting;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.carelog.api.patient.Address;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.BirthRegistrationNumber;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.CommunicationConsentChanged;
import org.carelog.api.patient.DuplicateCandidate;
import org.carelog.api.patient.EmailAddress;
import org.carelog.api.patient.EmergencyContact;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NationalId;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientContactDetailsChanged;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientIdentifiersChanged;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PatientRegistration;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.RegisterPatient;
import org.carelog.api.patient.Sex;
import org.carelog.api.patient.UpdatePatientDetails;
import org.carelog.command.patient.PatientRegistry.IdentifierKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    private static final PatientId RAHIM = PatientId.of("6f1c2b1e-8a57-4f3e-9a52-3c1d2f4b5a01");
    private static final MedicalRecordNumber RAHIMS_MRN = MedicalRecordNumber.of("CLG", 42);
    private static final PatientDemographics RAHIMS_DEMOGRAPHICS = new PatientDemographics(
            PersonName.of("রহিম উদ্দিন", "Rahim Uddin"),
            Sex.MALE,
            BirthDate.exact(LocalDate.of(1985, 6, 1), TODAY),
            BloodGroup.O_POSITIVE);
    private static final PhoneNumber RAHIMS_PHONE = PhoneNumber.mobile("01712-345678");
    private static final PatientContact RAHIMS_CONTACT = new PatientContact(
            RAHIMS_PHONE,
            EmailAddress.parse("rahim@example.com"),
            Address.of("30", "3026", "30260072", "House 12, Road 3"),
            new EmergencyContact("Fatema Begum", "wife", PhoneNumber.any("02-9556677")),
            Language.BN);
    private static final NationalId RAHIMS_NID = NationalId.parse("1234567890");
    private static final PatientIdentifiers RAHIMS_IDENTIFIERS = new PatientIdentifiers(RAHIMS_NID, null);
    private static final CommunicationConsent SMS_ONLY = new CommunicationConsent(true, false);

    /** Someone registered earlier, in another aggregate: only the registry knows them here. */
    private static final PatientId OTHER = PatientId.of("0b6f6a43-2d0e-4c9b-8d7e-1a2b3c4d5e6f");

    private static final MedicalRecordNumber OTHERS_MRN = MedicalRecordNumber.of("CLG", 7);
    private static final NationalId OTHERS_NID = NationalId.parse("9876543210");

    private InMemoryPatientRegistry registry;
    private FixtureConfiguration<Patient> fixture;

    @BeforeEach
    void setUp() {
        registry = new InMemoryPatientRegistry("CLG", 41);
        fixture = new AggregateTestFixture<>(Patient.class);
        fixture.registerInjectableResource(registry);
    }

    // registration

    @Test
    void registersPatientWithNextMedicalRecordNumber() {
        fixture.givenNoPriorActivity()
                .when(registerRahim(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PatientRegistered(
                        RAHIM, RAHIMS_MRN, RAHIMS_DEMOGRAPHICS, RAHIMS_IDENTIFIERS, RAHIMS_CONTACT, SMS_ONLY, null))
                .expectResultMessagePayload(new PatientRegistration(RAHIM, RAHIMS_MRN));

        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, RAHIMS_NID.value()))
                .contains(RAHIM);
    }

    @Test
    void registrationWithoutIdentifiersContactOrConsentRecordsNoneOfThem() {
        var minimal = new RegisterPatient(RAHIM, RAHIMS_DEMOGRAPHICS, null, null, null, null);

        fixture.givenNoPriorActivity()
                .when(minimal)
                .expectEvents(new PatientRegistered(
                        RAHIM,
                        RAHIMS_MRN,
                        RAHIMS_DEMOGRAPHICS,
                        PatientIdentifiers.none(),
                        new PatientContact(null, null, null, null, null),
                        new CommunicationConsent(false, false),
                        null));
    }

    @Test
    void refusesSecondPatientWithSameNationalId() {
        otherPatient("Karim Mia", LocalDate.of(1970, 1, 1), "01812-345678", RAHIMS_NID.value());

        fixture.givenNoPriorActivity()
                .when(registerRahim(null))
                .expectException(identifierTaken(
                        "identifiers.nationalId",
                        new DuplicateCandidate(OTHER.toString(), OTHERS_MRN.value(), "Karim Mia", "same national ID")))
                .expectNoEvents();
    }

    @Test
    void refusesSecondPatientWithSameBirthRegistrationNumber() {
        otherPatient("Karim Mia", LocalDate.of(2015, 1, 1), null, null);
        String brn = "20152695012345678";
        assertThat(registry.claim(OTHER, IdentifierKind.BIRTH_REGISTRATION, brn))
                .isEmpty();
        var command = new RegisterPatient(
                RAHIM,
                RAHIMS_DEMOGRAPHICS,
                new PatientIdentifiers(null, BirthRegistrationNumber.parse(brn)),
                RAHIMS_CONTACT,
                SMS_ONLY,
                null);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(identifierTaken(
                        "identifiers.birthRegistrationNumber",
                        new DuplicateCandidate(
                                OTHER.toString(), OTHERS_MRN.value(), "Karim Mia", "same birth registration number")))
                .expectNoEvents();
    }

    @Test
    void refusesProbableDuplicateWithoutReason() {
        otherPatient("Md. Rahim Uddin", LocalDate.of(1990, 2, 2), "+880 1712 345678", null);

        fixture.givenNoPriorActivity()
                .when(registerRahim(null))
                .expectException(conflictWith(new DuplicateCandidate(
                        OTHER.toString(), OTHERS_MRN.value(), "Md. Rahim Uddin", "same phone and similar name")))
                .expectNoEvents();
    }

    @Test
    void refusesProbableDuplicateBornTheSameDayWithoutReason() {
        otherPatient("Rahim Uddin Chowdhury", LocalDate.of(1985, 6, 1), "01812-345678", null);

        fixture.givenNoPriorActivity()
                .when(registerRahim("   "))
                .expectException(conflictWith(new DuplicateCandidate(
                        OTHER.toString(),
                        OTHERS_MRN.value(),
                        "Rahim Uddin Chowdhury",
                        "same date of birth and similar name")))
                .expectNoEvents();
    }

    @Test
    void aRefusedRegistrationKeepsNothingInTheRegistry() {
        otherPatient("Md. Rahim Uddin", LocalDate.of(1990, 2, 2), "01712-345678", null);

        fixture.givenNoPriorActivity()
                .when(registerRahim(null))
                .expectException(conflictWith(new DuplicateCandidate(
                        OTHER.toString(), OTHERS_MRN.value(), "Md. Rahim Uddin", "same phone and similar name")))
                .expectNoEvents();

        // The national ID was claimed before the duplicate check; the rollback gives it back.
        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, RAHIMS_NID.value()))
                .isEmpty();
    }

    @Test
    void acceptsProbableDuplicateWithReasonAndRecordsIt() {
        otherPatient("Md. Rahim Uddin", LocalDate.of(1990, 2, 2), "01712-345678", null);

        fixture.givenNoPriorActivity()
                .when(registerRahim("  Father and son   share one phone "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PatientRegistered(
                        RAHIM,
                        RAHIMS_MRN,
                        RAHIMS_DEMOGRAPHICS,
                        RAHIMS_IDENTIFIERS,
                        RAHIMS_CONTACT,
                        SMS_ONLY,
                        "Father and son share one phone"));
    }

    @Test
    void reasonIsNotRecordedWhenThereWasNoDuplicate() {
        fixture.givenNoPriorActivity()
                .when(registerRahim("he says he is new here"))
                .expectEvents(new PatientRegistered(
                        RAHIM, RAHIMS_MRN, RAHIMS_DEMOGRAPHICS, RAHIMS_IDENTIFIERS, RAHIMS_CONTACT, SMS_ONLY, null));
    }

    @Test
    void familyMembersSharingAPhoneAreNoDuplicates() {
        otherPatient("Karim Uddin", LocalDate.of(1960, 2, 2), "01712-345678", null);

        fixture.givenNoPriorActivity()
                .when(registerRahim(null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new PatientRegistration(RAHIM, RAHIMS_MRN));
    }

    @Test
    void requiresBirthDate() {
        var noBirthDate = new PatientDemographics(RAHIMS_DEMOGRAPHICS.name(), Sex.MALE, null, null);

        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(RAHIM, noBirthDate, null, RAHIMS_CONTACT, SMS_ONLY, null))
                .expectException(rejecting("demographics.birthDate"))
                .expectNoEvents();
    }

    @Test
    void requiresAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(RAHIM, null, null, null, null, null))
                .expectException(rejecting("demographics.nameEn"))
                .expectNoEvents();
    }

    @Test
    void requiresSex() {
        var noSex = new PatientDemographics(RAHIMS_DEMOGRAPHICS.name(), null, RAHIMS_DEMOGRAPHICS.birthDate(), null);

        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(RAHIM, noSex, null, null, null, null))
                .expectException(rejecting("demographics.sex"))
                .expectNoEvents();
    }

    @Test
    void requiresPhoneForSmsConsent() {
        var noPhone = new PatientContact(null, RAHIMS_CONTACT.email(), null, null, Language.BN);

        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(RAHIM, RAHIMS_DEMOGRAPHICS, null, noPhone, SMS_ONLY, null))
                .expectException(rejecting("consent.sms"))
                .expectNoEvents();
    }

    @Test
    void requiresEmailForEmailConsent() {
        var noEmail = new PatientContact(RAHIMS_PHONE, null, null, null, Language.BN);

        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(
                        RAHIM, RAHIMS_DEMOGRAPHICS, null, noEmail, new CommunicationConsent(false, true), null))
                .expectException(rejecting("consent.email"))
                .expectNoEvents();
    }

    @Test
    void reportsEveryMissingFactAtOnce() {
        var incomplete = new PatientDemographics(RAHIMS_DEMOGRAPHICS.name(), null, null, null);

        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(RAHIM, incomplete, null, null, new CommunicationConsent(true, true), null))
                .expectException(
                        rejecting("demographics.sex", "demographics.birthDate", "consent.sms", "consent.email"))
                .expectNoEvents();
    }

    // updates

    @Test
    void updateWithNothingChangedEmitsNoEvents() {
        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(
                        RAHIM, RAHIMS_DEMOGRAPHICS, RAHIMS_IDENTIFIERS, RAHIMS_CONTACT, SMS_ONLY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updateWithEveryPartLeftOutEmitsNoEvents() {
        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updateReturnsIdAndMrn() {
        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, null, null, new CommunicationConsent(false, false)))
                .expectResultMessagePayload(new PatientRegistration(RAHIM, RAHIMS_MRN));
    }

    @Test
    void updateEmitsOneEventPerChangedPart() {
        var demographics = new PatientDemographics(
                PersonName.of("রহিম উদ্দিন", "Md. Rahim Uddin"),
                Sex.MALE,
                RAHIMS_DEMOGRAPHICS.birthDate(),
                BloodGroup.O_NEGATIVE);
        var identifiers = new PatientIdentifiers(RAHIMS_NID, BirthRegistrationNumber.parse("19852695012345678"));
        var contact =
                new PatientContact(PhoneNumber.mobile("01812-345678"), RAHIMS_CONTACT.email(), null, null, Language.EN);
        var consent = new CommunicationConsent(true, true);

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, demographics, identifiers, contact, consent))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new PatientIdentifiersChanged(RAHIM, identifiers),
                        new PatientDemographicsChanged(RAHIM, demographics),
                        new PatientContactDetailsChanged(RAHIM, contact),
                        new CommunicationConsentChanged(RAHIM, consent));
    }

    @Test
    void updateOfOnePartEmitsOnlyItsEvent() {
        var english = new PatientContact(
                RAHIMS_PHONE,
                RAHIMS_CONTACT.email(),
                RAHIMS_CONTACT.address(),
                RAHIMS_CONTACT.emergencyContact(),
                Language.EN);

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, RAHIMS_DEMOGRAPHICS, null, english, SMS_ONLY))
                .expectEvents(new PatientContactDetailsChanged(RAHIM, english));
    }

    @Test
    void updateIsCheckedAgainstTheDetailsItLeavesUnchanged() {
        var withoutPhone = new PatientContact(null, RAHIMS_CONTACT.email(), null, null, Language.BN);

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, null, withoutPhone, null))
                .expectException(rejecting("consent.sms"))
                .expectNoEvents();
    }

    @Test
    void changingNationalIdReleasesTheOldOne() {
        var corrected = new PatientIdentifiers(NationalId.parse("1234 567 891"), null);

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, corrected, null, null))
                .expectEvents(new PatientIdentifiersChanged(RAHIM, corrected));

        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, "1234567891")).contains(RAHIM);
        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, RAHIMS_NID.value()))
                .isEmpty();
    }

    @Test
    void removingTheNationalIdReleasesIt() {
        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, PatientIdentifiers.none(), null, null))
                .expectEvents(new PatientIdentifiersChanged(RAHIM, PatientIdentifiers.none()));

        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, RAHIMS_NID.value()))
                .isEmpty();
    }

    @Test
    void changingToAnotherPatientsNationalIdIsRefused() {
        otherPatient("Karim Mia", LocalDate.of(1970, 1, 1), null, OTHERS_NID.value());

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, null, new PatientIdentifiers(OTHERS_NID, null), null, null))
                .expectException(identifierTaken(
                        "identifiers.nationalId",
                        new DuplicateCandidate(OTHER.toString(), OTHERS_MRN.value(), "Karim Mia", "same national ID")))
                .expectNoEvents();

        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, RAHIMS_NID.value()))
                .contains(RAHIM);
        assertThat(registry.holderOf(IdentifierKind.NATIONAL_ID, OTHERS_NID.value()))
                .contains(OTHER);
    }

    @Test
    void updateKeepsDuplicateDetectionUpToDate() {
        PhoneNumber newPhone = PhoneNumber.mobile("01812-345678");
        var contact = new PatientContact(newPhone, null, null, null, Language.BN);
        var renamed = new PatientDemographics(
                PersonName.of(null, "Abdur Rahim Uddin"), Sex.MALE, BirthDate.fromAge(40, TODAY), null);

        fixture.givenCommands(registerRahim(null))
                .when(new UpdatePatientDetails(RAHIM, renamed, null, contact, null))
                .expectEvents(
                        new PatientDemographicsChanged(RAHIM, renamed),
                        new PatientContactDetailsChanged(RAHIM, contact));

        var rahimAsCandidate = new DuplicateCandidate(
                RAHIM.toString(), RAHIMS_MRN.value(), "Abdur Rahim Uddin", "same phone and similar name");
        assertThat(registry.probableDuplicates(OTHER, PersonName.of(null, "Rahim Uddin"), null, newPhone))
                .containsExactly(rahimAsCandidate);
        assertThat(registry.probableDuplicates(OTHER, PersonName.of(null, "Rahim Uddin"), null, RAHIMS_PHONE))
                .isEmpty();
    }

    private static RegisterPatient registerRahim(String duplicateOverrideReason) {
        return new RegisterPatient(
                RAHIM, RAHIMS_DEMOGRAPHICS, RAHIMS_IDENTIFIERS, RAHIMS_CONTACT, SMS_ONLY, duplicateOverrideReason);
    }

    private void otherPatient(String latinName, LocalDate birthDate, String phone, String nationalId) {
        registry.registered(
                OTHER,
                OTHERS_MRN,
                PersonName.of(null, latinName),
                BirthDate.exact(birthDate, TODAY),
                phone == null ? null : PhoneNumber.mobile(phone),
                nationalId);
    }
}
