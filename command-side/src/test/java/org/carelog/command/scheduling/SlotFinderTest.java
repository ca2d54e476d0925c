package org.carelog.command.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.api.scheduling.TimeOfDay;
import org.carelog.command.scheduling.SlotFinder.Candidate;
import org.carelog.command.scheduling.SlotFinder.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Automatic assignment: the earliest fitting free slot across practitioners, every preference respected. */
class SlotFinderTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate SUNDAY = LocalDate.of(2026, 3, 1);
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    static final PractitionerId MORNING_CARDIOLOGIST = PractitionerId.random();
    static final PractitionerId EVENING_CARDIOLOGIST = PractitionerId.random();
    static final PractitionerId ENGLISH_CARDIOLOGIST = PractitionerId.random();
    static final PractitionerId PAEDIATRICIAN = PractitionerId.random();
    static final PatientId RAHIM = PatientId.random();

    private InMemorySchedulingRegistry registry;
    private SlotFinder finder;

    private void doctor(
            PractitionerId id, String name, String specialty, Set<Language> languages, AvailabilitySession s) {
        registry.recordPractitioner(
                id,
                PersonName.of(null, name),
                PractitionerRole.DOCTOR,
                SUNDAY.plusYears(1),
                specialty,
                DepartmentId.random(),
                languages);
        registry.recordWeeklySessions(id, List.of(s));
    }

    static AvailabilitySession session(int fromHour, int toHour, Set<AppointmentType> types) {
        return new AvailabilitySession(
                ServicePointId.random(),
                EVERY_DAY,
                LocalTime.of(fromHour, 0),
                LocalTime.of(toHour, 0),
                30,
                1,
                0,
                types);
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(DHAKA).toInstant();
    }

    @BeforeEach
    void setUp() {
        registry = new InMemorySchedulingRegistry(DHAKA);
        doctor(
                MORNING_CARDIOLOGIST,
                "Dr. Alo",
                "Cardiology",
                Set.of(Language.BN),
                session(9, 11, Set.of(AppointmentType.IN_PERSON)));
        doctor(
                EVENING_CARDIOLOGIST,
                "Dr. Bela",
                "Cardiology",
                Set.of(Language.BN),
                session(17, 19, Set.of(AppointmentType.IN_PERSON, AppointmentType.VIRTUAL)));
        doctor(
                ENGLISH_CARDIOLOGIST,
                "Dr. Chand",
                "Cardiology",
                Set.of(Language.EN),
                session(8, 9, Set.of(AppointmentType.IN_PERSON)));
        doctor(
                PAEDIATRICIAN,
                "Dr. Dipu",
                "Paediatrics",
                Set.of(Language.BN),
                session(7, 8, Set.of(AppointmentType.IN_PERSON)));
        finder = new SlotFinder(registry, Clock.fixed(at(SUNDAY, 7, 45), DHAKA));
    }

    private Candidate first(Preferences wanted) {
        List<Candidate> found = finder.find(wanted, 1);
        assertThat(found).isNotEmpty();
        return found.get(0);
    }

    static Preferences cardiology(Language language, TimeOfDay timeOfDay, AppointmentType type) {
        return new Preferences(RAHIM, null, "cardiology", null, null, timeOfDay, type, language, false, null);
    }

    @Test
    void picksTheEarliestFreeSlotAcrossThePractitionersOfASpecialty() {
        Candidate chosen = first(cardiology(null, null, AppointmentType.IN_PERSON));
        assertThat(chosen.clinician().practitionerId()).isEqualTo(ENGLISH_CARDIOLOGIST);
        assertThat(chosen.slot().start()).isEqualTo(at(SUNDAY, 8, 0));
        assertThat(chosen.reason())
                .contains("Earliest free in person slot", "3 practitioners of cardiology", "Dr. Chand");
    }

    @Test
    void respectsLanguageTimeOfDayAndType() {
        assertThat(first(cardiology(Language.BN, null, AppointmentType.IN_PERSON))
                        .slot()
                        .start())
                .isEqualTo(at(SUNDAY, 9, 0));
        Candidate evening = first(cardiology(Language.BN, TimeOfDay.EVENING, AppointmentType.IN_PERSON));
        assertThat(evening.clinician().practitionerId()).isEqualTo(EVENING_CARDIOLOGIST);
        assertThat(evening.reason()).contains("in the evening", "speaking BN");
        assertThat(first(cardiology(null, null, AppointmentType.VIRTUAL))
                        .clinician()
                        .practitionerId())
                .isEqualTo(EVENING_CARDIOLOGIST);
    }

    @Test
    void skipsFullSlotsLeaveThePatientsOtherAppointmentsAndTheDateRange() {
        registry.times.put(
                AppointmentId.random(),
                new PatientTime(
                        AppointmentId.random(),
                        PatientId.random(),
                        new DayScheduleId(ENGLISH_CARDIOLOGIST, SUNDAY),
                        at(SUNDAY, 8, 0),
                        at(SUNDAY, 8, 30),
                        false,
                        AppointmentStatus.BOOKED));
        registry.times.put(
                AppointmentId.random(),
                new PatientTime(
                        AppointmentId.random(),
                        RAHIM,
                        new DayScheduleId(PAEDIATRICIAN, SUNDAY),
                        at(SUNDAY, 8, 15),
                        at(SUNDAY, 9, 15),
                        false,
                        AppointmentStatus.BOOKED));
        assertThat(first(cardiology(null, null, AppointmentType.IN_PERSON))
                        .slot()
                        .start())
                .as("8:00 is full, 8:30 and 9:00 overlap Rahim's other appointment")
                .isEqualTo(at(SUNDAY, 9, 30));

        registry.recordLeave(ENGLISH_CARDIOLOGIST, LeaveId.random(), SUNDAY.plusDays(1), SUNDAY.plusDays(1));
        Candidate monday = first(new Preferences(
                RAHIM, ENGLISH_CARDIOLOGIST, null, SUNDAY.plusDays(1), null, null, null, null, false, null));
        assertThat(monday.slot().start()).as("on leave Monday").isEqualTo(at(SUNDAY.plusDays(2), 8, 0));
        assertThat(finder.find(
                        new Preferences(
                                RAHIM,
                                ENGLISH_CARDIOLOGIST,
                                null,
                                SUNDAY.plusDays(1),
                                SUNDAY.plusDays(1),
                                null,
                                null,
                                null,
                                false,
                                null),
                        5))
                .isEmpty();
    }

    @Test
    void listsSeveralAlternativesInTimeOrder() {
        List<Candidate> found = finder.find(cardiology(null, null, null), 4);
        assertThat(found)
                .extracting(c -> c.slot().start())
                .containsExactly(at(SUNDAY, 8, 0), at(SUNDAY, 8, 30), at(SUNDAY, 9, 0), at(SUNDAY, 9, 30));
    }
}
