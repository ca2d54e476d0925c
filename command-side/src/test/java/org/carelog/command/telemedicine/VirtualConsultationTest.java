package org.carelog.command.telemedicine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.telemedicine.CancelConsultation;
import org.carelog.api.telemedicine.CloseJoinWindow;
import org.carelog.api.telemedicine.CompleteConsultation;
import org.carelog.api.telemedicine.CompletionReason;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.carelog.api.telemedicine.ConsultationCancelled;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationCompleted;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.ConsultationMissedByClinician;
import org.carelog.api.telemedicine.ConsultationMissedByPatient;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.JoinConsultation;
import org.carelog.api.telemedicine.JoinConsultationAsClinician;
import org.carelog.api.telemedicine.JoinWindow;
import org.carelog.api.telemedicine.MoveConsultation;
import org.carelog.api.telemedicine.NameConsultationCaregiver;
import org.carelog.api.telemedicine.Participant;
import org.carelog.api.telemedicine.RecordTelemedicineConsent;
import org.carelog.api.telemedicine.ScheduleConsultation;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;
import org.carelog.api.telemedicine.TelemedicineRefusal;
import org.carelog.command.common.StaffPractitioners;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VirtualConsultationTest {

    static final UUID APPOINTMENT = UUID.randomUUID();
    static final UUID LATER_APPOINTMENT = UUID.randomUUID();
    static final ConsultationId CONSULTATION = ConsultationId.forAppointment(APPOINTMENT);
    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final PractitionerId DR_NASRIN = PractitionerId.random();
    /** 10:00 in Dhaka, a 15-minute slot. */
    static final Instant START =
            LocalDateTime.of(2025, 3, 10, 10, 0).atZone(SettableClock.DHAKA).toInstant();

    static final Instant END = START.plus(Duration.ofMinutes(15));
    static final JoinWindow WINDOW = new JoinWindow(Duration.ofMinutes(15), Duration.ofMinutes(30));
    static final String ROOM = "cl-6Hq0vX2yY3zZ4aA5bB6cC7dD8eE9fF0g";

    static final Map<String, String> DOCTOR = Map.of(MetadataKeys.USERNAME, "dr.karim", MetadataKeys.ROLE, "DOCTOR");
    static final Map<String, String> OTHER_DOCTOR =
            Map.of(MetadataKeys.USERNAME, "dr.nasrin", MetadataKeys.ROLE, "DOCTOR");
    static final Map<String, String> NURSE_LINKED_TO_KARIM =
            Map.of(MetadataKeys.USERNAME, "nurse.karim", MetadataKeys.ROLE, "NURSE");
    static final Map<String, String> RECEPTIONIST =
            Map.of(MetadataKeys.USERNAME, "desk", MetadataKeys.ROLE, "RECEPTIONIST");
    static final Map<String, String> LINK = Map.of(MetadataKeys.USERNAME, "join-link", MetadataKeys.ROLE, "PATIENT");
    static final Map<String, String> SYSTEM =
            Map.of(MetadataKeys.USERNAME, "carelog-telemedicine", MetadataKeys.ROLE, "SYSTEM");

    private AggregateTestFixture<VirtualConsultation> fixture;
    private SettableClock clock;
    private InMemoryConsultationRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualConsultation.class);
        clock = new SettableClock(START.minus(Duration.ofMinutes(5)));
        registry = new InMemoryConsultationRegistry();
        Map<String, PractitionerId> links =
                Map.of("dr.karim", DR_KARIM, "dr.nasrin", DR_NASRIN, "nurse.karim", DR_KARIM);
        StaffPractitioners staff = username -> Optional.ofNullable(links.get(username));
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(WINDOW);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(staff);
    }

    static ConsultationScheduled scheduled() {
        return new ConsultationScheduled(RAHIM, CONSULTATION, APPOINTMENT, DR_KARIM, START, END, ROOM, 1);
    }

    static TelemedicineConsentRecorded consent() {
        return new TelemedicineConsentRecorded(RAHIM, CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT);
    }

    static JoinConsultation patientJoins(int version) {
        return new JoinConsultation(CONSULTATION, Participant.PATIENT, version);
    }

    static Matcher<CarelogException> refused(ErrorCode code, TelemedicineRefusal reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CarelogException e) {
                return e.code() == code
                        && reason.name().equals(e.error().extensions().get("reason"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(code + " with reason " + reason);
            }
        };
    }

    // scheduling, moving, cancelling

    @Test
    void aBookedVirtualAppointmentGetsItsConsultationWithTheFirstLink() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleConsultation(CONSULTATION, RAHIM, APPOINTMENT, DR_KARIM, START, END, ROOM), SYSTEM)
                .expectEvents(scheduled());
    }

    @Test
    void refusesAConsultationWithoutARoomOrWithItsEndBeforeItsStart() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleConsultation(CONSULTATION, RAHIM, APPOINTMENT, DR_KARIM, END, START, " "), SYSTEM)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "end", "room"));
    }

    @Test
    void aRescheduledAppointmentMovesTheConsultationAndSendsANewLinkVersion() {
        Instant later = START.plus(Duration.ofDays(1));
        fixture.given(scheduled())
                .when(new MoveConsultation(CONSULTATION, LATER_APPOINTMENT, DR_NASRIN, later, later.plusSeconds(900)))
                .expectEvents(new ConsultationRescheduled(
                        RAHIM, CONSULTATION, LATER_APPOINTMENT, DR_NASRIN, later, later.plusSeconds(900), 2));
    }

    @Test
    void movingToWhereItAlreadyIsStoresNothing() {
        fixture.given(scheduled())
                .when(new MoveConsultation(CONSULTATION, APPOINTMENT, DR_KARIM, START, END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCancelledConsultationDoesNotMove() {
        fixture.given(scheduled(), new ConsultationCancelled(RAHIM, CONSULTATION, APPOINTMENT))
                .when(new MoveConsultation(CONSULTATION, LATER_APPOINTMENT, DR_KARIM, END, END.plusSeconds(900)))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.CONSULTATION_CANCELLED));
    }

    @Test
    void cancellingTwiceCancelsOnce() {
        fixture.given(scheduled())
                .when(new CancelConsultation(CONSULTATION))
                .expectEvents(new ConsultationCancelled(RAHIM, CONSULTATION, APPOINTMENT));
        fixture.given(scheduled(), new ConsultationCancelled(RAHIM, CONSULTATION, APPOINTMENT))
                .when(new CancelConsultation(CONSULTATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // consent

    @Test
    void staffRecordConsentGivenByPhoneOnce() {
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT),
                        RECEPTIONIST)
                .expectEvents(consent());
        fixture.given(scheduled(), consent())
                .when(
                        new RecordTelemedicineConsent(CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT),
                        RECEPTIONIST)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void thePatientConsentsOnTheJoinPageAndStaffCannotClaimTheyDid() {
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(
                                CONSULTATION, ConsentMethod.PATIENT_ON_JOIN_PAGE, Participant.PATIENT),
                        LINK)
                .expectEvents(new TelemedicineConsentRecorded(
                        RAHIM, CONSULTATION, ConsentMethod.PATIENT_ON_JOIN_PAGE, Participant.PATIENT));
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(
                                CONSULTATION, ConsentMethod.PATIENT_ON_JOIN_PAGE, Participant.PATIENT),
                        RECEPTIONIST)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT),
                        LINK)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void consentGivenForAnEarlierConsultationIsNotAskedAgain() {
        registry.consentedBefore(RAHIM);
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT),
                        RECEPTIONIST)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(scheduled())
                .when(patientJoins(1), LINK)
                .expectEvents(new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.PATIENT, 1));
    }

    @Test
    void aCaregiverConsentsOnlyWhenNamed() {
        fixture.given(scheduled())
                .when(
                        new RecordTelemedicineConsent(
                                CONSULTATION, ConsentMethod.STAFF_BY_PHONE, Participant.CAREGIVER),
                        RECEPTIONIST)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "givenBy"));
    }

    // the patient's join

    @Test
    void thePatientJoinsInsideTheWindowIntoTheWaitingRoom() {
        fixture.given(scheduled(), consent())
                .when(patientJoins(1), LINK)
                .expectEvents(new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.PATIENT, 1))
                .expectResultMessagePayloadMatching(new TypeSafeMatcher<>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        ConsultationAccess access = (ConsultationAccess) item;
                        return access.room().equals(ROOM)
                                && access.participant() == Participant.PATIENT
                                && access.windowOpens().equals(START.minus(Duration.ofMinutes(15)))
                                && access.windowCloses().equals(END.plus(Duration.ofMinutes(30)));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the patient's access for the window");
                    }
                });
    }

    @Test
    void theWindowOpensFifteenMinutesBeforeAndClosesThirtyMinutesAfterTheEnd() {
        clock.set(START.minus(Duration.ofMinutes(15)));
        fixture.given(scheduled(), consent())
                .when(patientJoins(1), LINK)
                .expectEvents(new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.PATIENT, 1));
        clock.set(END.plus(Duration.ofMinutes(30)));
        fixture.given(scheduled(), consent())
                .when(patientJoins(1), LINK)
                .expectEvents(new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.PATIENT, 1));
    }

    @Test
    void refusesAJoinBeforeTheWindowOpens() {
        clock.set(START.minus(Duration.ofMinutes(15)).minusSeconds(1));
        fixture.given(scheduled(), consent())
                .when(patientJoins(1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.JOIN_WINDOW_NOT_OPEN));
    }

    @Test
    void refusesAJoinAfterTheWindowCloses() {
        clock.set(END.plus(Duration.ofMinutes(30)).plusSeconds(1));
        fixture.given(scheduled(), consent())
                .when(patientJoins(1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.JOIN_WINDOW_CLOSED));
    }

    @Test
    void refusesAJoinWithoutConsent() {
        fixture.given(scheduled())
                .when(patientJoins(1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.CONSENT_REQUIRED));
    }

    @Test
    void refusesTheLinkOfAnEarlierVersionAfterARescheduling() {
        Instant later = START.plus(Duration.ofMinutes(10));
        fixture.given(
                        scheduled(),
                        consent(),
                        new ConsultationRescheduled(
                                RAHIM, CONSULTATION, LATER_APPOINTMENT, DR_KARIM, later, later.plusSeconds(900), 2))
                .when(patientJoins(1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.LINK_REPLACED));
    }

    @Test
    void aCaregiverJoinsOnlyWhenNamed() {
        fixture.given(scheduled(), consent())
                .when(new JoinConsultation(CONSULTATION, Participant.CAREGIVER, 1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.FORBIDDEN, TelemedicineRefusal.NOT_A_PARTICIPANT));
        fixture.given(
                        scheduled(),
                        consent(),
                        new ConsultationCaregiverNamed(RAHIM, CONSULTATION, "Salma Begum", "daughter"))
                .when(new JoinConsultation(CONSULTATION, Participant.CAREGIVER, 1), LINK)
                .expectEvents(new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.CAREGIVER, 1));
    }

    @Test
    void aLinkNeverAdmitsAClinician() {
        fixture.given(scheduled(), consent())
                .when(new JoinConsultation(CONSULTATION, Participant.CLINICIAN, 1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.FORBIDDEN, TelemedicineRefusal.NOT_A_PARTICIPANT));
    }

    @Test
    void nobodyJoinsACancelledOrCompletedConsultation() {
        fixture.given(scheduled(), consent(), new ConsultationCancelled(RAHIM, CONSULTATION, APPOINTMENT))
                .when(patientJoins(1), LINK)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.CONSULTATION_CANCELLED));
        fixture.given(
                        scheduled(),
                        consent(),
                        new ConsultationCompleted(RAHIM, CONSULTATION, CompletionReason.ENDED_BY_CLINICIAN))
                .when(new JoinConsultationAsClinician(CONSULTATION), DOCTOR)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.CONSULTATION_ENDED));
    }

    // the clinician's join

    @Test
    void theAssignedClinicianJoinsAndTheConsultationIsInProgressInTheAppointmentsEncounter() {
        fixture.given(scheduled(), consent())
                .when(new JoinConsultationAsClinician(CONSULTATION), DOCTOR)
                .expectEvents(new ConsultationJoinedByClinician(
                        RAHIM, CONSULTATION, DR_KARIM, EncounterIds.forAppointment(APPOINTMENT)));
    }

    @Test
    void refusesAnyoneButTheAssignedClinicianAsADoctor() {
        fixture.given(scheduled(), consent())
                .when(new JoinConsultationAsClinician(CONSULTATION), OTHER_DOCTOR)
                .expectNoEvents()
                .expectException(refused(ErrorCode.FORBIDDEN, TelemedicineRefusal.NOT_A_PARTICIPANT));
        fixture.given(scheduled(), consent())
                .when(new JoinConsultationAsClinician(CONSULTATION), NURSE_LINKED_TO_KARIM)
                .expectNoEvents()
                .expectException(refused(ErrorCode.FORBIDDEN, TelemedicineRefusal.NOT_A_PARTICIPANT));
    }

    @Test
    void theClinicianTooJoinsOnlyInsideTheWindowAndAfterConsent() {
        fixture.given(scheduled())
                .when(new JoinConsultationAsClinician(CONSULTATION), DOCTOR)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.CONSENT_REQUIRED));
        clock.set(START.minus(Duration.ofHours(1)));
        fixture.given(scheduled(), consent())
                .when(new JoinConsultationAsClinician(CONSULTATION), DOCTOR)
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, TelemedicineRefusal.JOIN_WINDOW_NOT_OPEN));
    }

    // completion and missed consultations

    @Test
    void theSignedEncounterCompletesTheConsultation() {
        fixture.given(
                        scheduled(),
                        consent(),
                        new ConsultationJoinedByClinician(
                                RAHIM, CONSULTATION, DR_KARIM, EncounterIds.forAppointment(APPOINTMENT)))
                .when(new CompleteConsultation(CONSULTATION, CompletionReason.ENCOUNTER_SIGNED), SYSTEM)
                .expectEvents(new ConsultationCompleted(RAHIM, CONSULTATION, CompletionReason.ENCOUNTER_SIGNED));
    }

    @Test
    void onlyTheClinicianEndsAConsultationInProgress() {
        fixture.given(scheduled(), consent())
                .when(new CompleteConsultation(CONSULTATION, CompletionReason.ENDED_BY_CLINICIAN), DOCTOR)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(
                        scheduled(),
                        new ConsultationJoinedByClinician(
                                RAHIM, CONSULTATION, DR_KARIM, EncounterIds.forAppointment(APPOINTMENT)))
                .when(new CompleteConsultation(CONSULTATION, CompletionReason.ENDED_BY_CLINICIAN), OTHER_DOCTOR)
                .expectNoEvents()
                .expectException(refused(ErrorCode.FORBIDDEN, TelemedicineRefusal.NOT_A_PARTICIPANT));
        fixture.given(
                        scheduled(),
                        new ConsultationJoinedByClinician(
                                RAHIM, CONSULTATION, DR_KARIM, EncounterIds.forAppointment(APPOINTMENT)))
                .when(new CompleteConsultation(CONSULTATION, CompletionReason.ENDED_BY_CLINICIAN), DOCTOR)
                .expectEvents(new ConsultationCompleted(RAHIM, CONSULTATION, CompletionReason.ENDED_BY_CLINICIAN));
    }

    @Test
    void whenTheWindowClosesNobodyCameIsMissedByThePatient() {
        clock.set(END.plus(Duration.ofMinutes(31)));
        fixture.given(scheduled())
                .when(new CloseJoinWindow(CONSULTATION), SYSTEM)
                .expectEvents(new ConsultationMissedByPatient(RAHIM, CONSULTATION));
    }

    @Test
    void whenTheWindowClosesWithThePatientWaitingItIsMissedByTheClinician() {
        clock.set(END.plus(Duration.ofMinutes(31)));
        fixture.given(
                        scheduled(),
                        consent(),
                        new ConsultationJoinedByPatient(RAHIM, CONSULTATION, Participant.PATIENT, 1))
                .when(new CloseJoinWindow(CONSULTATION), SYSTEM)
                .expectEvents(new ConsultationMissedByClinician(RAHIM, CONSULTATION));
    }

    @Test
    void closingTheWindowLeavesAConsultationInProgressAndRefusesWhileItIsOpen() {
        clock.set(END.plus(Duration.ofMinutes(31)));
        fixture.given(
                        scheduled(),
                        new ConsultationJoinedByClinician(
                                RAHIM, CONSULTATION, DR_KARIM, EncounterIds.forAppointment(APPOINTMENT)))
                .when(new CloseJoinWindow(CONSULTATION), SYSTEM)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        clock.set(END);
        fixture.given(scheduled())
                .when(new CloseJoinWindow(CONSULTATION), SYSTEM)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    // caregivers

    @Test
    void namesACaregiverWithTheirRelationshipOnce() {
        fixture.given(scheduled())
                .when(new NameConsultationCaregiver(CONSULTATION, "Salma Begum", "daughter"), RECEPTIONIST)
                .expectEvents(new ConsultationCaregiverNamed(RAHIM, CONSULTATION, "Salma Begum", "daughter"));
        fixture.given(scheduled(), new ConsultationCaregiverNamed(RAHIM, CONSULTATION, "Salma Begum", "daughter"))
                .when(new NameConsultationCaregiver(CONSULTATION, "Salma Begum", "daughter"), RECEPTIONIST)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(scheduled())
                .when(new NameConsultationCaregiver(CONSULTATION, " ", null), RECEPTIONIST)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "name", "relationship"));
    }

    @Test
    void consultationIdsAreDerivedFromTheAppointment() {
        assertThat(ConsultationId.forAppointment(APPOINTMENT))
                .isEqualTo(CONSULTATION)
                .isNotEqualTo(ConsultationId.forAppointment(LATER_APPOINTMENT));
    }
}
