package org.carelog.command.practitioner;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AddLeave;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.CancelLeave;
import org.carelog.api.scheduling.ChangeDayAvailability;
import org.carelog.api.scheduling.DayAvailabilityChanged;
import org.carelog.api.scheduling.DayAvailabilityReverted;
import org.carelog.api.scheduling.LeaveAdded;
import org.carelog.api.scheduling.LeaveCancelled;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.api.scheduling.SetWeeklyAvailability;
import org.carelog.api.scheduling.WeeklyAvailabilitySet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weekly availability, one-off changes and leave, kept by the Practitioner aggregate. */
class PractitionerAvailabilityTest {

    static final ServicePointId CHAMBER = ServicePointId.random();
    static final ServicePointId CLOSED = ServicePointId.random();
    static final LocalDate TODAY = PractitionerTest.TODAY;

    private AggregateTestFixture<Practitioner> fixture;

    static AvailabilitySession session(ServicePointId place, Set<DayOfWeek> days, int from, int to) {
        return new AvailabilitySession(
                place, days, LocalTime.of(from, 0), LocalTime.of(to, 0), 15, 2, 20, Set.of(AppointmentType.IN_PERSON));
    }

    static final Set<DayOfWeek> SATURDAY_TO_THURSDAY = EnumSet.complementOf(EnumSet.of(DayOfWeek.FRIDAY));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
        InMemoryPractitionerRegistry registry = new InMemoryPractitionerRegistry();
        registry.claimDepartmentCode(PractitionerTest.MEDICINE, DepartmentCode.parse("MED"));
        registry.claimServicePointCode(PractitionerTest.MEDICINE, CHAMBER, ServicePointCode.parse("MED1"));
        registry.claimServicePointCode(PractitionerTest.MEDICINE, CLOSED, ServicePointCode.parse("MED9"));
        registry.closeServicePoint(CLOSED);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(
                Clock.fixed(TODAY.atTime(10, 0).atZone(PractitionerTest.DHAKA).toInstant(), PractitionerTest.DHAKA));
    }

    @Test
    void setsAWeeklyAvailabilityAndIgnoresTheSameAgain() {
        List<AvailabilitySession> evenings = List.of(session(CHAMBER, SATURDAY_TO_THURSDAY, 17, 21));
        fixture.given(PractitionerTest.registered())
                .when(new SetWeeklyAvailability(PractitionerTest.DR_KARIM, evenings))
                .expectEvents(new WeeklyAvailabilitySet(PractitionerTest.DR_KARIM, evenings));
        fixture.given(PractitionerTest.registered(), new WeeklyAvailabilitySet(PractitionerTest.DR_KARIM, evenings))
                .when(new SetWeeklyAvailability(PractitionerTest.DR_KARIM, evenings))
                .expectNoEvents();
    }

    @Test
    void refusesOverlappingSessionsAndClosedServicePoints() {
        fixture.given(PractitionerTest.registered())
                .when(new SetWeeklyAvailability(
                        PractitionerTest.DR_KARIM,
                        List.of(
                                session(CHAMBER, SATURDAY_TO_THURSDAY, 17, 21),
                                session(CHAMBER, Set.of(DayOfWeek.MONDAY), 20, 22))))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "sessions[1]"));
        fixture.given(PractitionerTest.registered())
                .when(new SetWeeklyAvailability(
                        PractitionerTest.DR_KARIM, List.of(session(CLOSED, SATURDAY_TO_THURSDAY, 9, 12))))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "sessions[0].servicePointId"));
    }

    @Test
    void aOneOffChangeReplacesOneDayAndCanBeReverted() {
        LocalDate friday = LocalDate.of(2026, 1, 16);
        AvailabilitySession morning = session(CHAMBER, Set.of(), 9, 12);
        AvailabilitySession onFriday = session(CHAMBER, Set.of(DayOfWeek.FRIDAY), 9, 12);
        fixture.given(PractitionerTest.registered())
                .when(new ChangeDayAvailability(PractitionerTest.DR_KARIM, friday, List.of(morning), false))
                .expectEvents(new DayAvailabilityChanged(PractitionerTest.DR_KARIM, friday, List.of(onFriday)));
        fixture.given(
                        PractitionerTest.registered(),
                        new DayAvailabilityChanged(PractitionerTest.DR_KARIM, friday, List.of(onFriday)))
                .when(new ChangeDayAvailability(PractitionerTest.DR_KARIM, friday, null, true))
                .expectEvents(new DayAvailabilityReverted(PractitionerTest.DR_KARIM, friday));
        fixture.given(PractitionerTest.registered())
                .when(new ChangeDayAvailability(PractitionerTest.DR_KARIM, TODAY.minusDays(1), List.of(), false))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "date"));
    }

    @Test
    void addsLeaveWithAReasonAndCancelsIt() {
        LeaveId leave = LeaveId.random();
        LeaveAdded added =
                new LeaveAdded(PractitionerTest.DR_KARIM, leave, TODAY.plusDays(3), TODAY.plusDays(9), "Hajj");
        fixture.given(PractitionerTest.registered())
                .when(new AddLeave(PractitionerTest.DR_KARIM, leave, TODAY.plusDays(3), TODAY.plusDays(9), " Hajj "))
                .expectEvents(added);
        fixture.given(PractitionerTest.registered(), added)
                .when(new CancelLeave(PractitionerTest.DR_KARIM, leave))
                .expectEvents(new LeaveCancelled(PractitionerTest.DR_KARIM, leave));
        fixture.given(PractitionerTest.registered())
                .when(new AddLeave(PractitionerTest.DR_KARIM, leave, TODAY.plusDays(9), TODAY.plusDays(3), ""))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason", "to"));
    }
}
