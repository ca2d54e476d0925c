package org.carelog.command.practitioner;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Money;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.BmdcRegistrationRenewed;
import org.carelog.api.practitioner.ConsultationFees;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerFeesChanged;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerLanguagesChanged;
import org.carelog.api.practitioner.PractitionerQualificationsChanged;
import org.carelog.api.practitioner.PractitionerRegistered;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSpecialtyChanged;
import org.carelog.api.practitioner.PractitionerTransferred;
import org.carelog.api.practitioner.RegisterPractitioner;
import org.carelog.api.practitioner.RenewBmdcRegistration;
import org.carelog.api.practitioner.UpdatePractitionerProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PractitionerTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final DepartmentId CARDIOLOGY = DepartmentId.random();
    static final PersonName KARIM = PersonName.of("আব্দুল করিম", "Abdul Karim");
    static final BmdcRegistration BMDC = new BmdcRegistration(BmdcNumber.parse("A-12345"), LocalDate.of(2027, 6, 30));
    static final ConsultationFees FEES = new ConsultationFees(Money.taka(800), Money.taka(500));

    private AggregateTestFixture<Practitioner> fixture;
    private InMemoryPractitionerRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
        registry = new InMemoryPractitionerRegistry();
        registry.claimDepartmentCode(MEDICINE, DepartmentCode.parse("MED"));
        registry.claimDepartmentCode(CARDIOLOGY, DepartmentCode.parse("CARD"));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(
                Clock.fixed(TODAY.atTime(10, 0).atZone(DHAKA).toInstant(), DHAKA));
    }

    static RegisterPractitioner doctor(BmdcRegistration bmdc, ConsultationFees fees) {
        return new RegisterPractitioner(
                DR_KARIM,
                KARIM,
                PractitionerRole.DOCTOR,
                bmdc,
                "  Internal   Medicine ",
                MEDICINE,
                Set.of(Language.BN, Language.EN),
                List.of("MBBS", " FCPS  (Medicine)", "", "mbbs"),
                fees);
    }

    static PractitionerRegistered registered() {
        return new PractitionerRegistered(
                DR_KARIM,
                KARIM,
                PractitionerRole.DOCTOR,
                BMDC,
                "Internal Medicine",
                MEDICINE,
                Set.of(Language.BN, Language.EN),
                List.of("MBBS", "FCPS (Medicine)"),
                FEES);
    }

    @Test
    void registersADoctorWithCleanedProfile() {
        fixture.givenNoPriorActivity()
                .when(doctor(BMDC, FEES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered())
                .expectResultMessagePayload(DR_KARIM);
    }

    @Test
    void registersANurseWithoutBmdcOrFees() {
        PractitionerId nurse = PractitionerId.random();
        PersonName name = PersonName.of("রহিমা খাতুন", null);
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitioner(
                        nurse, name, PractitionerRole.NURSE, null, null, MEDICINE, Set.of(Language.BN), null, null))
                .expectEvents(new PractitionerRegistered(
                        nurse,
                        name,
                        PractitionerRole.NURSE,
                        null,
                        null,
                        MEDICINE,
                        Set.of(Language.BN),
                        List.of(),
                        null));
    }

    @Test
    void refusesADoctorWithoutBmdcRegistrationOrFees() {
        fixture.givenNoPriorActivity()
                .when(doctor(null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "bmdc", "fees"));
    }

    @Test
    void refusesADoctorWhoseBmdcRegistrationHasExpired() {
        fixture.givenNoPriorActivity()
                .when(doctor(new BmdcRegistration(BMDC.number(), TODAY.minusDays(1)), FEES))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "bmdc.expiresOn"));
    }

    @Test
    void acceptsABmdcRegistrationOnItsLastValidDay() {
        BmdcRegistration lastDay = new BmdcRegistration(BMDC.number(), TODAY);
        PractitionerRegistered expected = registered();
        fixture.givenNoPriorActivity()
                .when(doctor(lastDay, FEES))
                .expectEvents(new PractitionerRegistered(
                        DR_KARIM,
                        KARIM,
                        PractitionerRole.DOCTOR,
                        lastDay,
                        expected.specialty(),
                        MEDICINE,
                        expected.languages(),
                        expected.qualifications(),
                        FEES));
    }

    @Test
    void refusesAMalformedBmdcNumber() {
        fixture.givenNoPriorActivity()
                .when(doctor(new BmdcRegistration(new BmdcNumber("X-99"), BMDC.expiresOn()), FEES))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "bmdc.number"));
    }

    @Test
    void refusesABmdcRegistrationForANurse() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitioner(
                        DR_KARIM, KARIM, PractitionerRole.NURSE, BMDC, null, MEDICINE, Set.of(Language.BN), null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "bmdc"));
    }

    @Test
    void refusesABmdcNumberAnotherPractitionerHolds() {
        registry.claimBmdcNumber(PractitionerId.random(), BMDC.number());
        fixture.givenNoPriorActivity()
                .when(doctor(BMDC, FEES))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void refusesADepartmentThatDoesNotExist() {
        RegisterPractitioner command = doctor(BMDC, FEES);
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitioner(
                        DR_KARIM,
                        KARIM,
                        PractitionerRole.DOCTOR,
                        BMDC,
                        null,
                        DepartmentId.random(),
                        command.languages(),
                        command.qualifications(),
                        FEES))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "departmentId"));
    }

    @Test
    void refusesNegativeFees() {
        fixture.givenNoPriorActivity()
                .when(doctor(BMDC, new ConsultationFees(Money.taka(800), Money.taka(-1))))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "fees.followUp"));
    }

    @Test
    void refusesAPractitionerWithoutNameRoleLanguagesOrDepartment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitioner(DR_KARIM, null, null, null, null, null, Set.of(), null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "nameEn", "role", "languages", "departmentId"));
    }

    @Test
    void recordsEachChangedPartOfTheProfileAsItsOwnEvent() {
        ConsultationFees raised = new ConsultationFees(Money.taka(1000), Money.taka(600));
        fixture.given(registered())
                .when(new UpdatePractitionerProfile(
                        DR_KARIM,
                        raised,
                        "Cardiology",
                        List.of("MBBS", "FCPS (Medicine)", "MD (Cardiology)"),
                        Set.of(Language.BN),
                        CARDIOLOGY))
                .expectEvents(
                        new PractitionerFeesChanged(DR_KARIM, raised),
                        new PractitionerSpecialtyChanged(DR_KARIM, "Cardiology"),
                        new PractitionerQualificationsChanged(
                                DR_KARIM, List.of("MBBS", "FCPS (Medicine)", "MD (Cardiology)")),
                        new PractitionerLanguagesChanged(DR_KARIM, Set.of(Language.BN)),
                        new PractitionerTransferred(DR_KARIM, CARDIOLOGY));
    }

    @Test
    void repeatingTheSameProfileChangesNothing() {
        fixture.given(registered())
                .when(new UpdatePractitionerProfile(
                        DR_KARIM,
                        new ConsultationFees(Money.taka("800.00"), Money.taka(500)),
                        "Internal Medicine ",
                        List.of("MBBS", "FCPS (Medicine)"),
                        Set.of(Language.EN, Language.BN),
                        MEDICINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void leavesOutPartsThatAreNotGiven() {
        fixture.given(registered())
                .when(new UpdatePractitionerProfile(DR_KARIM, null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBlankSpecialtyRemovesIt() {
        fixture.given(registered())
                .when(new UpdatePractitionerProfile(DR_KARIM, null, "  ", null, null, null))
                .expectEvents(new PractitionerSpecialtyChanged(DR_KARIM, null));
    }

    @Test
    void refusesAProfileChangeThatBreaksARuleAndAppliesNoneOfIt() {
        fixture.given(registered())
                .when(new UpdatePractitionerProfile(
                        DR_KARIM,
                        new ConsultationFees(Money.taka(-5), Money.taka(500)),
                        "Cardiology",
                        null,
                        Set.of(),
                        DepartmentId.random()))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "fees.newVisit", "languages", "departmentId"));
    }

    @Test
    void renewsABmdcRegistration() {
        LocalDate renewedUntil = LocalDate.of(2032, 6, 30);
        fixture.given(registered())
                .when(new RenewBmdcRegistration(DR_KARIM, renewedUntil))
                .expectEvents(new BmdcRegistrationRenewed(DR_KARIM, BMDC.number(), renewedUntil));
    }

    @Test
    void renewingToTheSameDayChangesNothing() {
        fixture.given(registered())
                .when(new RenewBmdcRegistration(DR_KARIM, BMDC.expiresOn()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesARenewalThatShortensTheRegistration() {
        fixture.given(registered())
                .when(new RenewBmdcRegistration(DR_KARIM, BMDC.expiresOn().minusMonths(1)))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "expiresOn"));
    }

    @Test
    void refusesARenewalThatHasAlreadyRunOut() {
        fixture.given(registered(), new BmdcRegistrationRenewed(DR_KARIM, BMDC.number(), LocalDate.of(2025, 1, 1)))
                .when(new RenewBmdcRegistration(DR_KARIM, TODAY.minusDays(1)))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "expiresOn"));
    }

    @Test
    void refusesToRenewAPractitionerWithoutBmdcRegistration() {
        fixture.given(new PractitionerRegistered(
                        DR_KARIM,
                        KARIM,
                        PractitionerRole.TECHNICIAN,
                        null,
                        "Radiology",
                        MEDICINE,
                        Set.of(Language.BN),
                        List.of(),
                        null))
                .when(new RenewBmdcRegistration(DR_KARIM, LocalDate.of(2030, 1, 1)))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }
}
