package org.carelog.api.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carelog.api.common.Violations;
import org.carelog.api.practitioner.ServicePointId;
import org.junit.jupiter.api.Test;

class DayPlanTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final ServicePointId CHAMBER = ServicePointId.random();
    static final Set<DayOfWeek> SATURDAY_TO_THURSDAY = EnumSet.complementOf(EnumSet.of(DayOfWeek.FRIDAY));

    static AvailabilitySession evening(int slotMinutes, int capacity, int walkInPercent) {
        return new AvailabilitySession(
                CHAMBER,
                SATURDAY_TO_THURSDAY,
                LocalTime.of(17, 0),
                LocalTime.of(21, 0),
                slotMinutes,
                capacity,
                walkInPercent,
                Set.of(AppointmentType.IN_PERSON));
    }

    static DayPlan plan(LocalDate date, List<AvailabilitySession> oneOff, boolean leave, boolean holiday) {
        return DayPlan.of(date, List.of(evening(15, 2, 50)), oneOff, leave, holiday, DayOfWeek.FRIDAY);
    }

    @Test
    void anEveningOfFifteenMinuteSlotsHasSixteenInTheFacilitysZone() {
        LocalDate sunday = LocalDate.of(2026, 3, 1);
        List<Slot> slots = plan(sunday, null, false, false).slots(DHAKA);
        assertThat(slots).hasSize(16);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(slots.get(15).end()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
        assertThat(slots.get(0).appointmentPlaces()).isEqualTo(1);
        assertThat(slots.get(0).walkInPlaces()).isEqualTo(1);
    }

    @Test
    void summerTimeOf2009IsTakenFromTheTimeZoneDatabaseNotAFixedOffset() {
        // Bangladesh kept UTC+7 from 19 June 2009 23:00 to the end of 2009.
        Slot before =
                plan(LocalDate.of(2009, 6, 18), null, false, false).slots(DHAKA).get(0);
        Slot during =
                plan(LocalDate.of(2009, 7, 1), null, false, false).slots(DHAKA).get(0);
        Slot after =
                plan(LocalDate.of(2010, 1, 2), null, false, false).slots(DHAKA).get(0);
        assertThat(before.start()).isEqualTo(Instant.parse("2009-06-18T11:00:00Z"));
        assertThat(during.localStart()).isEqualTo(LocalTime.of(17, 0));
        assertThat(during.start())
                .as("17:00 at UTC+7, not at the usual +6")
                .isEqualTo(Instant.parse("2009-07-01T10:00:00Z"))
                .isNotEqualTo(Instant.parse("2009-07-01T11:00:00Z"));
        assertThat(after.start()).isEqualTo(Instant.parse("2010-01-02T11:00:00Z"));
    }

    @Test
    void slotsInTheSkippedHourOf19June2009DoNotExistAndRepeatedHourSlotsTakeTheFirstInstant() {
        AvailabilitySession late = new AvailabilitySession(
                CHAMBER,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0),
                LocalTime.of(23, 59),
                30,
                1,
                0,
                Set.of(AppointmentType.IN_PERSON));
        List<Slot> gapDay = late.slotsOn(LocalDate.of(2009, 6, 19), DHAKA);
        assertThat(gapDay).extracting(Slot::localStart).containsExactly(LocalTime.of(22, 0), LocalTime.of(22, 30));
        assertThat(gapDay.get(1).end())
                .as("22:30 + 30 min is 00:00 of 20 June at +7, the instant 17:00Z")
                .isEqualTo(Instant.parse("2009-06-19T17:00:00Z"));

        List<Slot> overlapDay = late.slotsOn(LocalDate.of(2009, 12, 31), DHAKA);
        assertThat(overlapDay).hasSize(3);
        assertThat(overlapDay.get(2).start())
                .as("23:00 exists twice; the first, at +7")
                .isEqualTo(Instant.parse("2009-12-31T16:00:00Z"));
    }

    @Test
    void leaveBeatsEverythingAOneOffChangeBeatsHolidaysAndTheOffDay() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        LocalDate sunday = LocalDate.of(2026, 3, 1);
        assertThat(plan(friday, null, false, false).closure()).isEqualTo(DayClosure.OFF_DAY);
        assertThat(plan(sunday, null, false, true).closure()).isEqualTo(DayClosure.HOLIDAY);
        assertThat(plan(sunday, null, true, false).closure()).isEqualTo(DayClosure.ON_LEAVE);
        AvailabilitySession special = evening(30, 1, 0);
        assertThat(plan(friday, List.of(special), false, true).slots(DHAKA)).hasSize(8);
        assertThat(plan(sunday, List.of(special), true, false).slots(DHAKA)).isEmpty();
        assertThat(plan(sunday, List.of(), false, false).slots(DHAKA))
                .as("an empty one-off change takes the day off")
                .isEmpty();
    }

    @Test
    void aSlotFitsAppointmentsUpToTheWalkInShareAndWalkInsUpToCapacity() {
        Slot slot = evening(15, 5, 40).slotsOn(LocalDate.of(2026, 3, 1), DHAKA).get(0);
        assertThat(slot.appointmentPlaces()).isEqualTo(3);
        assertThat(slot.fits(false, 2, 0)).isTrue();
        assertThat(slot.fits(false, 3, 0)).isFalse();
        assertThat(slot.fits(true, 3, 1)).isTrue();
        assertThat(slot.fits(true, 3, 2)).isFalse();
        assertThat(slot.fits(false, 2, 3)).as("walk-ins filled the rest").isFalse();
    }

    @Test
    void aSessionReportsEveryProblem() {
        Violations violations = new Violations();
        new AvailabilitySession(null, Set.of(), LocalTime.of(21, 0), LocalTime.of(17, 0), 2, 0, 120, Set.of())
                .check("sessions[0]", violations, true);
        assertThat(violations.isEmpty()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(violations::throwIfAny)
                .hasMessageContaining("sessions[0].servicePointId")
                .hasMessageContaining("sessions[0].days")
                .hasMessageContaining("sessions[0].end")
                .hasMessageContaining("sessions[0].slotMinutes")
                .hasMessageContaining("sessions[0].capacity")
                .hasMessageContaining("sessions[0].walkInPercent")
                .hasMessageContaining("sessions[0].types");
    }
}
