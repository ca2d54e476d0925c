package org.carelog.command.scheduling;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentBooking;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentNeedsRebooking;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.BookSlot;
import org.carelog.api.scheduling.BookingRefusal;
import org.carelog.api.scheduling.CancelAppointment;
import org.carelog.api.scheduling.CancelledBy;
import org.carelog.api.scheduling.CheckInAppointment;
import org.carelog.api.scheduling.CompleteAppointment;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.api.scheduling.MarkNoShow;
import org.carelog.api.scheduling.RebookingCause;
import org.carelog.api.scheduling.ReviewBookings;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.scheduling.VisitKind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DayScheduleTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate SUNDAY = LocalDate.of(2026, 3, 1);
    static final Instant NOW = SUNDAY.atTime(9, 0).atZone(DHAKA).toInstant();
    static final PractitionerId DOCTOR = PractitionerId.random();
    static final PractitionerId OTHER_DOCTOR = PractitionerId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final ServicePointId CHAMBER = ServicePointId.random();
    static final DayScheduleId DAY = new DayScheduleId(DOCTOR, SUNDAY);
    static final Instant FIVE_PM = SUNDAY.atTime(17, 0).atZone(DHAKA).toInstant();
    static final Instant FIVE_FIFTEEN = FIVE_PM.plusSeconds(15 * 60);
    static final PatientId RAHIM = PatientId.random();
    static final PatientId FATEMA = PatientId.random();
    static final PatientId ARIF = PatientId.random();
    static final AppointmentId FIRST = AppointmentId.random();
    static final AppointmentId SECOND = AppointmentId.random();

    private InMemorySchedulingRegistry registry;
    private final OpenServicePoints places = new OpenServicePoints();
    private Clock clock = Clock.fixed(NOW, DHAKA);

    /** Saturday to Thursday 17:00-21:00, 15-minute slots of {@code capacity}, a walk-in share. */
    static AvailabilitySession evenings(int capacity, int walkInPercent) {
        return new AvailabilitySession(
                CHAMBER,
                EnumSet.complementOf(EnumSet.of(DayOfWeek.FRIDAY)),
                LocalTime.of(17, 0),
                LocalTime.of(21, 0),
                15,
                capacity,
                walkInPercent,
                Set.of(AppointmentType.IN_PERSON));
    }

    @BeforeEach
    void setUp() {
        registry = new InMemorySchedulingRegistry(DHAKA);
        for (PractitionerId doctor : List.of(DOCTOR, OTHER_DOCTOR)) {
            registry.recordPractitioner(
                    doctor,
                    PersonName.of(null, doctor == DOCTOR ? "Dr. Mahmuda Khatun" : "Dr. Saiful Islam"),
                    PractitionerRole.DOCTOR,
                    SUNDAY.plusYears(1),
                    "Medicine",
                    MEDICINE,
                    Set.of(Language.BN));
            registry.recordWeeklySessions(doctor, List.of(evenings(1, 0)));
        }
        registry.patients.addAll(List.of(RAHIM, FATEMA, ARIF));
        places.open.put(CHAMBER, MEDICINE);
    }

    /** A fixture per chain: each chain is one day schedule's history. */
    private AggregateTestFixture<DaySchedule> fixture() {
        AggregateTestFixture<DaySchedule> fixture = new AggregateTestFixture<>(DaySchedule.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(places);
        fixture.registerInjectableResource(clock);
        return fixture;
    }

    static BookSlot book(AppointmentId id, PatientId patient, Instant start) {
        return new BookSlot(DAY, id, patient, start, AppointmentType.IN_PERSON, null, false, null, null);
    }

    static BookSlot walkIn(AppointmentId id, PatientId patient, Instant start) {
        return new BookSlot(DAY, id, patient, start, AppointmentType.IN_PERSON, null, true, null, null);
    }

    static SlotBooked booked(AppointmentId id, PatientId patient, Instant start, boolean walkIn) {
        return new SlotBooked(
                DAY,
                id,
                patient,
                MEDICINE,
                CHAMBER,
                start,
                start.plusSeconds(15 * 60),
                AppointmentType.IN_PERSON,
                VisitKind.NEW_VISIT,
                walkIn,
                null,
                null,
                null);
    }

    /** Given events the registry must also know (the booking lookup is written with them). */
    private SlotBooked held(SlotBooked event) {
        registry.times.put(
                event.appointmentId(),
                new PatientTime(
                        event.appointmentId(),
                        event.patientId(),
                        event.scheduleId(),
                        event.start(),
                        event.end(),
                        event.walkIn(),
                        AppointmentStatus.BOOKED));
        return event;
    }

    static Matcher<CarelogException> refused(BookingRefusal reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CarelogException e) {
                return e.code() == ErrorCode.CONFLICT
                        && reason.name().equals(e.error().extensions().get("reason"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CONFLICT " + reason);
            }

            @Override
            protected void describeMismatchSafely(CarelogException e, Description description) {
                description.appendText("was " + e.code() + " " + e.error().extensions() + " " + e.getMessage());
            }
        };
    }

    @Test
    void booksAFreeSlotOnTheFirstBookingOfTheDay() {
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectEvents(booked(FIRST, RAHIM, FIVE_PM, false))
                .expectResultMessagePayload(
                        new AppointmentBooking(FIRST, DAY, CHAMBER, FIVE_PM, FIVE_FIFTEEN, VisitKind.NEW_VISIT, null));
    }

    @Test
    void refusesSecondBookingOfAFullSlot() {
        fixture()
                .given(held(booked(FIRST, RAHIM, FIVE_PM, false)))
                .when(book(SECOND, FATEMA, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.SLOT_FULL));
    }

    @Test
    void aRepeatedBookingOfTheSameAppointmentChangesNothing() {
        fixture()
                .given(held(booked(FIRST, RAHIM, FIVE_PM, false)))
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void keepsTheWalkInShareFreeForWalkIns() {
        registry.recordWeeklySessions(DOCTOR, List.of(evenings(2, 50)));
        fixture()
                .given(held(booked(FIRST, RAHIM, FIVE_PM, false)))
                .when(book(SECOND, FATEMA, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.SLOT_FULL));
        fixture()
                .given(held(booked(FIRST, RAHIM, FIVE_PM, false)))
                .when(walkIn(SECOND, FATEMA, FIVE_PM))
                .expectEvents(booked(SECOND, FATEMA, FIVE_PM, true));
    }

    @Test
    void refusesABookingWhileThePractitionerIsOnLeave() {
        registry.recordLeave(DOCTOR, LeaveId.random(), SUNDAY, SUNDAY.plusDays(2));
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.ON_LEAVE));
    }

    @Test
    void refusesHolidaysTheWeeklyOffDayAndTimesThatAreNoSlot() {
        registry.recordHoliday(SUNDAY, true);
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.HOLIDAY));
        LocalDate friday = SUNDAY.plusDays(5);
        fixture()
                .givenNoPriorActivity()
                .when(new BookSlot(
                        new DayScheduleId(DOCTOR, friday),
                        FIRST,
                        RAHIM,
                        friday.atTime(17, 0).atZone(DHAKA).toInstant(),
                        AppointmentType.IN_PERSON,
                        null,
                        false,
                        null,
                        null))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.OFF_DAY));
        registry.recordHoliday(SUNDAY, false);
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM.plusSeconds(5 * 60)))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.NOT_A_SLOT));
    }

    @Test
    void aDoctorWithALapsedOrMissingRegistrationTakesNoClinicalBookings() {
        registry.recordBmdcExpiry(DOCTOR, SUNDAY.minusDays(1));
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.REGISTRATION_LAPSED));
        registry.recordBmdcExpiry(DOCTOR, null);
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.REGISTRATION_LAPSED));
    }

    @Test
    void refusesAPatientWhoHoldsAnOverlappingAppointmentWithAnotherPractitioner() {
        AppointmentId elsewhere = AppointmentId.random();
        registry.claimPatientTime(
                new PatientTime(
                        elsewhere,
                        RAHIM,
                        new DayScheduleId(OTHER_DOCTOR, SUNDAY),
                        FIVE_PM.plusSeconds(5 * 60),
                        FIVE_PM.plusSeconds(20 * 60),
                        false,
                        AppointmentStatus.BOOKED),
                MEDICINE);
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.PATIENT_OVERLAP));
    }

    @Test
    void refusesAnInvalidRequestNamingEveryField() {
        fixture()
                .givenNoPriorActivity()
                .when(new BookSlot(DAY, null, null, null, null, null, false, "x".repeat(501), null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "appointmentId", "patientId", "start", "type", "note"));
    }

    @Test
    void refusesASlotThatIsOverAndATypeItDoesNotOffer() {
        clock = Clock.fixed(FIVE_FIFTEEN.plusSeconds(60), DHAKA);
        fixture()
                .givenNoPriorActivity()
                .when(book(FIRST, RAHIM, FIVE_PM))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.SLOT_PASSED));
    }

    @Test
    void aVirtualBookingNeedsASlotThatOffersIt() {
        fixture()
                .givenNoPriorActivity()
                .when(new BookSlot(DAY, FIRST, RAHIM, FIVE_PM, AppointmentType.VIRTUAL, null, false, null, null))
                .expectNoEvents()
                .expectException(refused(BookingRefusal.TYPE_NOT_OFFERED));
    }

    @Test
    void aCancellationNeedsAReasonAndFreesThePlace() {
        SlotBooked first = held(booked(FIRST, RAHIM, FIVE_PM, false));
        fixture()
                .given(first)
                .when(new CancelAppointment(DAY, FIRST, CancelledBy.PATIENT, " "))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
        fixture()
                .given(first)
                .when(new CancelAppointment(DAY, FIRST, CancelledBy.PATIENT, "Travelling to Sylhet"))
                .expectEvents(new AppointmentCancelled(DAY, FIRST, RAHIM, CancelledBy.PATIENT, "Travelling to Sylhet"));
        registry.changeStatus(FIRST, AppointmentStatus.CANCELLED);
        fixture()
                .given(first, new AppointmentCancelled(DAY, FIRST, RAHIM, CancelledBy.PATIENT, "Travelling"))
                .when(book(SECOND, FATEMA, FIVE_PM))
                .expectEvents(booked(SECOND, FATEMA, FIVE_PM, false));
    }

    @Test
    void checkInCarriesWhatTheTokenQueueNeeds() {
        fixture()
                .given(held(booked(FIRST, RAHIM, FIVE_PM, false)))
                .when(new CheckInAppointment(DAY, FIRST))
                .expectEvents(new AppointmentCheckedIn(FIRST, RAHIM, DOCTOR, CHAMBER, FIVE_PM, NOW, DAY));
    }

    @Test
    void completingNeedsACheckInFirst() {
        SlotBooked first = held(booked(FIRST, RAHIM, FIVE_PM, false));
        fixture()
                .given(first)
                .when(new CompleteAppointment(DAY, FIRST))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture()
                .given(first, new AppointmentCheckedIn(FIRST, RAHIM, DOCTOR, CHAMBER, FIVE_PM, NOW, DAY))
                .when(new CompleteAppointment(DAY, FIRST))
                .expectEvents(new AppointmentCompleted(DAY, FIRST, RAHIM));
    }

    @Test
    void aBookedAppointmentIsMarkedNoShowAfterItsSlotAndACheckedInOneIsNot() {
        SlotBooked first = held(booked(FIRST, RAHIM, FIVE_PM, false));
        fixture()
                .given(first)
                .when(new MarkNoShow(DAY, FIRST))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        clock = Clock.fixed(SUNDAY.plusDays(1).atStartOfDay(DHAKA).toInstant(), DHAKA);
        fixture()
                .given(first)
                .when(new MarkNoShow(DAY, FIRST))
                .expectEvents(new AppointmentMarkedNoShow(DAY, FIRST, RAHIM));
        fixture()
                .given(first, new AppointmentCheckedIn(FIRST, RAHIM, DOCTOR, CHAMBER, FIVE_PM, NOW, DAY))
                .when(new MarkNoShow(DAY, FIRST))
                .expectNoEvents();
    }

    @Test
    void leaveAddedAfterBookingsFlagsThemForRebookingAndKeepsThem() {
        SlotBooked first = held(booked(FIRST, RAHIM, FIVE_PM, false));
        SlotBooked second = held(booked(SECOND, FATEMA, FIVE_FIFTEEN, false));
        registry.recordLeave(DOCTOR, LeaveId.random(), SUNDAY, SUNDAY);
        fixture()
                .given(first, second)
                .when(new ReviewBookings(DAY))
                .expectEvents(
                        new AppointmentNeedsRebooking(DAY, FIRST, RAHIM, RebookingCause.LEAVE),
                        new AppointmentNeedsRebooking(DAY, SECOND, FATEMA, RebookingCause.LEAVE));
        fixture()
                .given(first, second, new AppointmentNeedsRebooking(DAY, FIRST, RAHIM, RebookingCause.LEAVE))
                .when(new ReviewBookings(DAY))
                .expectEvents(new AppointmentNeedsRebooking(DAY, SECOND, FATEMA, RebookingCause.LEAVE));
    }

    @Test
    void aSmallerCapacityFlagsTheLatestBookingsOfASlot() {
        registry.recordWeeklySessions(DOCTOR, List.of(evenings(2, 0)));
        SlotBooked first = held(booked(FIRST, RAHIM, FIVE_PM, false));
        SlotBooked second = held(booked(SECOND, FATEMA, FIVE_PM, false));
        registry.recordWeeklySessions(DOCTOR, List.of(evenings(1, 0)));
        fixture()
                .given(first, second)
                .when(new ReviewBookings(DAY))
                .expectEvents(new AppointmentNeedsRebooking(DAY, SECOND, FATEMA, RebookingCause.AVAILABILITY_CHANGED));
        registry.recordWeeklySessions(DOCTOR, List.of(evenings(2, 0)));
        fixture().given(first, second).when(new ReviewBookings(DAY)).expectNoEvents();
    }
}
