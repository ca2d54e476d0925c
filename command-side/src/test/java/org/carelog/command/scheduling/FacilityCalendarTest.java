package org.carelog.command.scheduling;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.scheduling.CancelHoliday;
import org.carelog.api.scheduling.DeclareHoliday;
import org.carelog.api.scheduling.HolidayCancelled;
import org.carelog.api.scheduling.HolidayDeclared;
import org.junit.jupiter.api.Test;

class FacilityCalendarTest {

    static final LocalDate BOISHAKH = LocalDate.of(2026, 4, 14);

    private final AggregateTestFixture<FacilityCalendar> fixture = new AggregateTestFixture<>(FacilityCalendar.class);

    @Test
    void theFirstHolidayCreatesTheCalendarAndARepeatChangesNothing() {
        HolidayDeclared declared = new HolidayDeclared(DeclareHoliday.FACILITY, BOISHAKH, "Pohela Boishakh");
        fixture.givenNoPriorActivity()
                .when(DeclareHoliday.of(BOISHAKH, "  Pohela   Boishakh "))
                .expectEvents(declared);
        fixture.given(declared)
                .when(DeclareHoliday.of(BOISHAKH, "Pohela Boishakh"))
                .expectNoEvents();
    }

    @Test
    void aHolidayNeedsANameAndOnlyADeclaredOneIsCancelled() {
        HolidayDeclared declared = new HolidayDeclared(DeclareHoliday.FACILITY, BOISHAKH, "Pohela Boishakh");
        fixture.givenNoPriorActivity()
                .when(DeclareHoliday.of(BOISHAKH, " "))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "name"));
        fixture.given(declared)
                .when(CancelHoliday.of(BOISHAKH))
                .expectEvents(new HolidayCancelled(DeclareHoliday.FACILITY, BOISHAKH));
        fixture.given(declared)
                .when(CancelHoliday.of(BOISHAKH.plusDays(1)))
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }
}
