package org.carelog.command.clinical;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.clinical.ClinicalNoteAmended;
import org.carelog.api.clinical.ClinicalNoteWritten;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisResolved;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.FollowUpPlanned;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.clinical.OpenEncounter;
import org.carelog.api.clinical.PlanFollowUp;
import org.carelog.api.clinical.RecordDiagnosis;
import org.carelog.api.clinical.RecordVitalSigns;
import org.carelog.api.clinical.ResolveDiagnosis;
import org.carelog.api.clinical.RetractDiagnosis;
import org.carelog.api.clinical.SignEncounter;
import org.carelog.api.clinical.VitalSigns;
import org.carelog.api.clinical.VitalSignsRecorded;
import org.carelog.api.clinical.WriteClinicalNote;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenStatus;
import org.carelog.api.reference.CodeSystem;
import org.carelog.command.common.StaffPractitioners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncounterTest {

    static final java.time.ZoneId DHAKA = java.time.ZoneId.of("Asia/Dhaka");
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2025, 3, 10);
    static final PatientId RAHIM = PatientId.random();
    static final PatientId WALK_IN = PatientId.random();
    static final PractitionerId DR_KARIM = new PractitionerId(UUID.randomUUID());
    static final PractitionerId DR_NASRIN = new PractitionerId(UUID.randomUUID());
    static final PractitionerId NURSE_PRACTITIONER = new PractitionerId(UUID.randomUUID());
    static final UUID CHECKED_IN = UUID.randomUUID();
    static final UUID BOOKED = UUID.randomUUID();
    static final TokenQueueId QUEUE = new TokenQueueId(ServicePointId.random(), java.time.LocalDate.of(2025, 3, 10));
    static final TokenId CALLED = new TokenId(QUEUE, 1);
    static final TokenId WAITING = new TokenId(QUEUE, 2);
    static final TokenId UNLINKED = new TokenId(QUEUE, 3);
    static final TokenId OF_APPOINTMENT = new TokenId(QUEUE, 4);
    static final EncounterId ENCOUNTER = EncounterIds.forAppointment(CHECKED_IN);
    static final UUID PRIMARY = UUID.randomUUID();
    static final UUID SECONDARY = UUID.randomUUID();

    static final Map<String, String> DOCTOR = Map.of(MetadataKeys.USERNAME, "dr.karim", MetadataKeys.ROLE, "DOCTOR");
    static final Map<String, String> OTHER_DOCTOR =
            Map.of(MetadataKeys.USERNAME, "dr.nasrin", MetadataKeys.ROLE, "DOCTOR");
    static final Map<String, String> NURSE = Map.of(MetadataKeys.USERNAME, "nurse.mita", MetadataKeys.ROLE, "NURSE");

    private AggregateTestFixture<Encounter> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(false);
    }

    /** A fresh fixture (one aggregate id per fixture) with the given clinical policy. */
    static AggregateTestFixture<Encounter> fixture(boolean nursesMayDiagnose) {
        AggregateTestFixture<Encounter> fixture = new AggregateTestFixture<>(Encounter.class);
        InMemoryEncounterRegistry registry = new InMemoryEncounterRegistry()
                .patient(RAHIM)
                .practitioner(DR_KARIM, PractitionerRole.DOCTOR)
                .practitioner(DR_NASRIN, PractitionerRole.DOCTOR)
                .practitioner(NURSE_PRACTITIONER, PractitionerRole.NURSE)
                .appointment(CHECKED_IN, RAHIM, DR_KARIM, "CHECKED_IN")
                .appointment(BOOKED, RAHIM, DR_KARIM, "BOOKED")
                .token(CALLED, RAHIM, null, TokenStatus.CALLED)
                .token(WAITING, RAHIM, null, TokenStatus.WAITING)
                .token(UNLINKED, WALK_IN, null, TokenStatus.SERVING)
                .token(OF_APPOINTMENT, RAHIM, CHECKED_IN, TokenStatus.SERVING);
        Map<String, PractitionerId> links = new HashMap<>();
        links.put("dr.karim", DR_KARIM);
        links.put("dr.nasrin", DR_NASRIN);
        StaffPractitioners staff = username -> Optional.ofNullable(links.get(username));
        DiagnosisCodes codes = (system, code) -> system == CodeSystem.ICD11_MMS && code.equals("1A00")
                ? Optional.of("Cholera")
                : system == CodeSystem.ICD11_MMS && code.equals("BA00.Z")
                        ? Optional.of("Essential hypertension, unspecified")
                        : Optional.empty();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(staff);
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(new ClinicalPolicy(nursesMayDiagnose));
        fixture.registerInjectableResource(
                java.time.Clock.fixed(TODAY.atStartOfDay(DHAKA).plusHours(11).toInstant(), DHAKA));
        return fixture;
    }

    static EncounterOpened opened() {
        return new EncounterOpened(
                RAHIM, ENCOUNTER, EncounterType.OUTPATIENT, EncounterOrigin.APPOINTMENT, CHECKED_IN, null, DR_KARIM);
    }

    static DiagnosisRecorded primary() {
        return new DiagnosisRecorded(
                RAHIM, ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, "ICD11_MMS", "1A00", "Cholera", false);
    }

    static OpenEncounter fromAppointment(UUID appointment) {
        return new OpenEncounter(
                EncounterIds.forAppointment(appointment), EncounterType.OUTPATIENT, appointment, null, null, null);
    }

    static VitalSigns pressure(int systolic, int diastolic) {
        return new VitalSigns(systolic, diastolic, null, null, null, null, null, null, null);
    }

    // opening

    @Test
    void opensFromACheckedInAppointmentForItsPatientWithTheOpenersPractitionerAttending() {
        fixture.givenNoPriorActivity()
                .when(fromAppointment(CHECKED_IN), DOCTOR)
                .expectEvents(opened())
                .expectResultMessagePayload(ENCOUNTER);
    }

    @Test
    void openingTheSameAppointmentAgainGivesTheSameEncounterAndNothingNew() {
        fixture.given(opened())
                .when(fromAppointment(CHECKED_IN), OTHER_DOCTOR)
                .expectNoEvents()
                .expectResultMessagePayload(ENCOUNTER);
    }

    @Test
    void refusesAnAppointmentThatIsNotCheckedIn() {
        fixture.givenNoPriorActivity()
                .when(fromAppointment(BOOKED), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void anUnknownAppointmentIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(fromAppointment(UUID.randomUUID()), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void opensFromACalledTokenForItsPatient() {
        EncounterId id = EncounterIds.forToken(CALLED);
        fixture.givenNoPriorActivity()
                .when(new OpenEncounter(id, EncounterType.OUTPATIENT, null, CALLED, null, null), DOCTOR)
                .expectEvents(new EncounterOpened(
                        RAHIM, id, EncounterType.OUTPATIENT, EncounterOrigin.TOKEN, null, CALLED.toString(), DR_KARIM));
    }

    @Test
    void aTokenOfAnAppointmentNamesTheAppointmentToo() {
        fixture.givenNoPriorActivity()
                .when(new OpenEncounter(ENCOUNTER, EncounterType.OUTPATIENT, null, OF_APPOINTMENT, null, null), DOCTOR)
                .expectEvents(new EncounterOpened(
                        RAHIM,
                        ENCOUNTER,
                        EncounterType.OUTPATIENT,
                        EncounterOrigin.TOKEN,
                        CHECKED_IN,
                        OF_APPOINTMENT.toString(),
                        DR_KARIM));
    }

    @Test
    void refusesATokenNotCalled() {
        fixture.givenNoPriorActivity()
                .when(
                        new OpenEncounter(
                                EncounterIds.forToken(WAITING), EncounterType.OUTPATIENT, null, WAITING, null, null),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAWalkInTokenNotLinkedToARegisteredPatient() {
        fixture.givenNoPriorActivity()
                .when(
                        new OpenEncounter(
                                EncounterIds.forToken(UNLINKED), EncounterType.OUTPATIENT, null, UNLINKED, null, null),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void opensDirectlyForAnEmergencyWithTheNamedAttendingDoctor() {
        EncounterId id = EncounterId.random();
        fixture.givenNoPriorActivity()
                .when(new OpenEncounter(id, EncounterType.EMERGENCY, null, null, RAHIM, DR_NASRIN), NURSE)
                .expectEvents(new EncounterOpened(
                        RAHIM, id, EncounterType.EMERGENCY, EncounterOrigin.DIRECT, null, null, DR_NASRIN));
    }

    @Test
    void refusesAnUnregisteredPatient() {
        fixture.givenNoPriorActivity()
                .when(
                        new OpenEncounter(
                                EncounterId.random(), EncounterType.EMERGENCY, null, null, PatientId.random(), null),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void needsExactlyOneSourceAndAType() {
        fixture.givenNoPriorActivity()
                .when(new OpenEncounter(EncounterId.random(), null, CHECKED_IN, null, RAHIM, null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "type", "appointmentId"));
    }

    @Test
    void anOpenerActingAsNoPractitionerMustNameTheAttendingClinician() {
        fixture.givenNoPriorActivity()
                .when(new OpenEncounter(EncounterId.random(), EncounterType.EMERGENCY, null, null, RAHIM, null), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "practitionerId"));
    }

    @Test
    void theAttendingClinicianMustExistAndBeADoctor() {
        fixture.givenNoPriorActivity()
                .when(
                        new OpenEncounter(
                                EncounterId.random(),
                                EncounterType.EMERGENCY,
                                null,
                                null,
                                RAHIM,
                                new PractitionerId(UUID.randomUUID())),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
        fixture(false)
                .givenNoPriorActivity()
                .when(
                        new OpenEncounter(
                                EncounterId.random(), EncounterType.EMERGENCY, null, null, RAHIM, NURSE_PRACTITIONER),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "practitionerId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECEPTIONIST", "BILLING", "AUDITOR", "LAB_TECHNICIAN", "ADMIN"})
    void onlyClinicalStaffWriteAnything(String role) {
        Map<String, String> as = Map.of(MetadataKeys.USERNAME, "dr.karim", MetadataKeys.ROLE, role);
        fixture.givenNoPriorActivity()
                .when(fromAppointment(CHECKED_IN), as)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(opened())
                .when(new WriteClinicalNote(ENCOUNTER, NoteSection.HISTORY, "Fever for 3 days", null), as)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(opened())
                .when(new RecordVitalSigns(ENCOUNTER, UUID.randomUUID(), pressure(120, 80)), as)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(opened())
                .when(new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, null, "1A00", null), as)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(opened(), primary())
                .when(new SignEncounter(ENCOUNTER), as)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    // notes

    @Test
    void theFirstEntryIsVersionOneAndEveryChangeANewVersion() {
        fixture.given(opened())
                .when(new WriteClinicalNote(ENCOUNTER, NoteSection.CHIEF_COMPLAINT, "জ্বর ৩ দিন", null), NURSE)
                .expectEvents(new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.CHIEF_COMPLAINT, 1, "জ্বর ৩ দিন"))
                .expectResultMessagePayload(1);
        fixture.given(opened(), new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.CHIEF_COMPLAINT, 1, "Fever"))
                .when(new WriteClinicalNote(ENCOUNTER, NoteSection.CHIEF_COMPLAINT, "Fever, cough", null), DOCTOR)
                .expectEvents(
                        new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.CHIEF_COMPLAINT, 2, "Fever, cough"));
    }

    @Test
    void writingTheSameTextAgainChangesNothing() {
        fixture.given(opened(), new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.PLAN, 1, "ORS"))
                .when(new WriteClinicalNote(ENCOUNTER, NoteSection.PLAN, "  ORS ", null), DOCTOR)
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void aNoteNeedsASectionAndText() {
        fixture.given(opened())
                .when(new WriteClinicalNote(ENCOUNTER, null, " ", null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "section", "text"));
    }

    @Test
    void afterSigningANoteChangesOnlyAsAnAmendmentWithAReason() {
        fixture.given(
                        opened(),
                        new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.ASSESSMENT, 1, "Viral fever"),
                        primary(),
                        new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new WriteClinicalNote(ENCOUNTER, NoteSection.ASSESSMENT, "Cholera", null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
        fixture.given(
                        opened(),
                        new ClinicalNoteWritten(RAHIM, ENCOUNTER, NoteSection.ASSESSMENT, 1, "Viral fever"),
                        primary(),
                        new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(
                        new WriteClinicalNote(
                                ENCOUNTER, NoteSection.ASSESSMENT, "Cholera", "Stool culture came back positive"),
                        DOCTOR)
                .expectEvents(new ClinicalNoteAmended(
                        RAHIM, ENCOUNTER, NoteSection.ASSESSMENT, 2, "Cholera", "Stool culture came back positive"))
                .expectResultMessagePayload(2);
    }

    @Test
    void anUnknownEncounterIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new WriteClinicalNote(EncounterId.random(), NoteSection.PLAN, "ORS", null), DOCTOR)
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    // vital signs

    @Test
    void aNurseRecordsVitalSigns() {
        UUID id = UUID.randomUUID();
        VitalSigns signs = new VitalSigns(118, 76, 88, 38.4, 97, 18, 62.5, 165.0, 5.6);
        fixture.given(opened())
                .when(new RecordVitalSigns(ENCOUNTER, id, signs), NURSE)
                .expectEvents(new VitalSignsRecorded(RAHIM, ENCOUNTER, id, signs));
    }

    @Test
    void refusesImpossibleValuesNamingEachField() {
        fixture.given(opened())
                .when(
                        new RecordVitalSigns(
                                ENCOUNTER,
                                UUID.randomUUID(),
                                new VitalSigns(400, 80, 5, 98.6, 101, 0, 900.0, 400.0, 100.0)),
                        NURSE)
                .expectNoEvents()
                .expectException(error(
                        ErrorCode.VALIDATION,
                        "systolic",
                        "pulse",
                        "temperature",
                        "spo2",
                        "respiratoryRate",
                        "weightKg",
                        "heightCm",
                        "glucose"));
    }

    @Test
    void refusesADiastolicPressureNotBelowTheSystolic() {
        fixture.given(opened())
                .when(new RecordVitalSigns(ENCOUNTER, UUID.randomUUID(), pressure(90, 95)), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "diastolic"));
    }

    @Test
    void refusesAnEmptySetOfVitalSigns() {
        fixture.given(opened())
                .when(
                        new RecordVitalSigns(
                                ENCOUNTER,
                                UUID.randomUUID(),
                                new VitalSigns(null, null, null, null, null, null, null, null, null)),
                        NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "signs"));
    }

    @Test
    void noVitalSignsAfterSigning() {
        fixture.given(opened(), primary(), new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new RecordVitalSigns(ENCOUNTER, UUID.randomUUID(), pressure(120, 80)), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    // diagnoses

    @Test
    void recordsAnIcd11DiagnosisWithTheClassificationsTitle() {
        fixture.given(opened())
                .when(new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, null, " 1a00 ", null), DOCTOR)
                .expectEvents(primary())
                .expectResultMessagePayload(PRIMARY);
    }

    @Test
    void refusesACodeThatIsNotInTheClassification() {
        fixture.given(opened())
                .when(new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, null, "ZZ99", null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "code"));
    }

    @Test
    void refusesIcd10CodesWhenNoLicensedListWasImported() {
        fixture.given(opened())
                .when(
                        new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, CodeSystem.ICD10, "A00.0", null),
                        DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "code"));
    }

    @Test
    void recordsAnExplicitlyUncodedDiagnosis() {
        fixture.given(opened())
                .when(
                        new RecordDiagnosis(ENCOUNTER, SECONDARY, DiagnosisRank.SECONDARY, null, null, "অজানা জ্বর"),
                        DOCTOR)
                .expectEvents(new DiagnosisRecorded(
                        RAHIM, ENCOUNTER, SECONDARY, DiagnosisRank.SECONDARY, null, null, "অজানা জ্বর", true));
    }

    @Test
    void aDiagnosisIsACodeOrUncodedTextNotBothNorNeither() {
        fixture.given(opened())
                .when(new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, null, "1A00", "Cholera"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "uncodedText"));
        fixture.given(opened())
                .when(new RecordDiagnosis(ENCOUNTER, PRIMARY, null, null, null, null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "rank", "code"));
    }

    @Test
    void anEncounterHasOnePrimaryDiagnosis() {
        fixture.given(opened(), primary())
                .when(new RecordDiagnosis(ENCOUNTER, SECONDARY, DiagnosisRank.PRIMARY, null, "BA00.Z", null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aRetractedPrimaryMakesRoomForAnother() {
        fixture.given(opened(), primary(), new DiagnosisRetracted(RAHIM, ENCOUNTER, PRIMARY, "Wrong patient"))
                .when(new RecordDiagnosis(ENCOUNTER, SECONDARY, DiagnosisRank.PRIMARY, null, "BA00.Z", null), DOCTOR)
                .expectEvents(new DiagnosisRecorded(
                        RAHIM,
                        ENCOUNTER,
                        SECONDARY,
                        DiagnosisRank.PRIMARY,
                        "ICD11_MMS",
                        "BA00.Z",
                        "Essential hypertension, unspecified",
                        false));
    }

    @Test
    void aNurseDoesNotDiagnoseUnlessTheFacilityAllowsIt() {
        RecordDiagnosis diagnose = new RecordDiagnosis(ENCOUNTER, PRIMARY, DiagnosisRank.PRIMARY, null, "1A00", null);
        fixture.given(opened()).when(diagnose, NURSE).expectNoEvents().expectException(error(ErrorCode.FORBIDDEN));
        fixture(true).given(opened()).when(diagnose, NURSE).expectEvents(primary());
    }

    @Test
    void resolvesAndRetractsWithAReason() {
        fixture.given(opened(), primary())
                .when(new ResolveDiagnosis(ENCOUNTER, PRIMARY, "Recovered"), DOCTOR)
                .expectEvents(new DiagnosisResolved(RAHIM, ENCOUNTER, PRIMARY, "Recovered"));
        fixture.given(opened(), primary())
                .when(new RetractDiagnosis(ENCOUNTER, PRIMARY, " "), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
        fixture.given(opened(), primary(), new DiagnosisRetracted(RAHIM, ENCOUNTER, PRIMARY, "Entered in error"))
                .when(new ResolveDiagnosis(ENCOUNTER, PRIMARY, "Recovered"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(opened())
                .when(new ResolveDiagnosis(ENCOUNTER, UUID.randomUUID(), "Recovered"), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void aProblemOfASignedEncounterCanBeResolvedLaterButNoDiagnosisAdded() {
        fixture.given(opened(), primary(), new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new ResolveDiagnosis(ENCOUNTER, PRIMARY, "Recovered at follow-up"), DOCTOR)
                .expectEvents(new DiagnosisResolved(RAHIM, ENCOUNTER, PRIMARY, "Recovered at follow-up"));
        fixture.given(opened(), primary(), new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new RecordDiagnosis(ENCOUNTER, SECONDARY, DiagnosisRank.SECONDARY, null, "BA00.Z", null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    // signing

    @Test
    void theAttendingDoctorSignsAnEncounterWithAPrimaryDiagnosis() {
        fixture.given(opened(), primary())
                .when(new SignEncounter(ENCOUNTER), DOCTOR)
                .expectEvents(new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM));
    }

    @Test
    void signingTwiceChangesNothing() {
        fixture.given(opened(), primary(), new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new SignEncounter(ENCOUNTER), DOCTOR)
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyTheAttendingClinicianSigns() {
        fixture.given(opened(), primary())
                .when(new SignEncounter(ENCOUNTER), OTHER_DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void aNurseNeverSigns() {
        fixture(true)
                .given(opened(), primary())
                .when(new SignEncounter(ENCOUNTER), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void signingNeedsAPrimaryDiagnosis() {
        fixture.given(
                        opened(),
                        new DiagnosisRecorded(
                                RAHIM, ENCOUNTER, SECONDARY, DiagnosisRank.SECONDARY, null, null, "Anaemia", true))
                .when(new SignEncounter(ENCOUNTER), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(opened(), primary(), new DiagnosisRetracted(RAHIM, ENCOUNTER, PRIMARY, "Entered in error"))
                .when(new SignEncounter(ENCOUNTER), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void derivedIdsAreStableAndDistinct() {
        org.assertj.core.api.Assertions.assertThat(EncounterIds.forAppointment(CHECKED_IN))
                .isEqualTo(EncounterIds.forAppointment(CHECKED_IN))
                .isNotEqualTo(EncounterIds.forAppointment(BOOKED));
        org.assertj.core.api.Assertions.assertThat(List.of(EncounterIds.forToken(CALLED)))
                .doesNotContain(EncounterIds.forToken(WAITING));
    }

    // follow-up plans

    @Test
    void aDoctorPlansAFollowUpVisit() {
        fixture.given(opened())
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(7), "Bring the X-ray"), DOCTOR)
                .expectEvents(new FollowUpPlanned(RAHIM, ENCOUNTER, TODAY.plusDays(7), "Bring the X-ray"));
    }

    @Test
    void theSamePlanAgainIsNothingAndANewDayReplacesIt() {
        fixture.given(opened(), new FollowUpPlanned(RAHIM, ENCOUNTER, TODAY.plusDays(7), null))
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(7), " "), DOCTOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), new FollowUpPlanned(RAHIM, ENCOUNTER, TODAY.plusDays(7), null))
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(14), null), DOCTOR)
                .expectEvents(new FollowUpPlanned(RAHIM, ENCOUNTER, TODAY.plusDays(14), null));
    }

    @Test
    void aSignedEncounterMayStillPlanItsFollowUp() {
        fixture.given(opened(), primary(), new EncounterSigned(RAHIM, ENCOUNTER, DR_KARIM))
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(30), null), DOCTOR)
                .expectEvents(new FollowUpPlanned(RAHIM, ENCOUNTER, TODAY.plusDays(30), null));
    }

    @Test
    void onlyADoctorPlansAFollowUp() {
        fixture.given(opened())
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(7), null), NURSE)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 367})
    void aFollowUpIsAfterTodayAndWithinAYear(int days) {
        fixture.given(opened())
                .when(new PlanFollowUp(ENCOUNTER, TODAY.plusDays(days), null), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION));
    }
}
