package org.carelog.infra.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carelog.api.common.Money;
import org.carelog.api.common.Role;
import org.carelog.api.patient.Address;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.RegisterPatient;
import org.carelog.api.patient.Sex;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.ConsultationFees;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.RegisterPractitioner;
import org.carelog.command.common.CommandSender;
import org.carelog.infra.security.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo facility on first start: four departments with their doctors, a nurse and a
 * technician, one user per role, and fifty patients with Bangla and English names. Everything goes through commands, so the event store holds real events; idempotency
 * keys make a seeding interrupted half-way safe to repeat.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "carelog.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    /** Demo users: user name = role in lower case, password = that name + "-demo" (see README). */
    static final List<Role> DEMO_ROLES =
            List.of(Role.RECEPTIONIST, Role.DOCTOR, Role.NURSE, Role.BILLING, Role.AUDITOR);

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final String SEEDER = "demo-seeder";

    private final CommandSender commands;
    private final StaffAccounts accounts;
    private final Clock clock;

    DemoDataSeeder(CommandSender commands, StaffAccounts accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(username(DEMO_ROLES.get(DEMO_ROLES.size() - 1)))) {
            return; // seeded before
        }
        Authentication seeder = new UsernamePasswordAuthenticationToken(
                SEEDER, null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name())));
        seedFacility(seeder);
        List<RegisterPatient> patients = patients(LocalDate.now(clock));
        for (int i = 0; i < patients.size(); i++) {
            commands.sendAs(seeder, patients.get(i), "demo-patient-" + (i + 1), "demo-seed");
        }
        // Users last: their presence marks a completed seeding.
        for (Role role : DEMO_ROLES) {
            if (!accounts.exists(username(role))) {
                accounts.create(
                        username(role),
                        username(role) + "-demo",
                        role,
                        "Demo " + role.name().toLowerCase());
            }
        }
        log.info(
                "Demo data seeded: {} patients, users {}",
                patients.size(),
                DEMO_ROLES.stream().map(DemoDataSeeder::username).toList());
    }

    /** Four departments and their staff: doctors with BMDC registrations and fees, a nurse, a technician. */
    private void seedFacility(Authentication seeder) {
        LocalDate renewal = LocalDate.now(clock).plusYears(3);
        DepartmentId medicine = department(seeder, "MED", "Medicine", "মেডিসিন");
        DepartmentId paediatrics = department(seeder, "PED", "Paediatrics", "শিশু বিভাগ");
        DepartmentId gynaecology = department(seeder, "GYN", "Gynaecology and Obstetrics", "স্ত্রীরোগ ও প্রসূতি");
        DepartmentId laboratory = department(seeder, "LAB", "Laboratory", "ল্যাবরেটরি");
        Set<Language> both = Set.of(Language.BN, Language.EN);
        practitioner(
                seeder,
                "doctor-1",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("ডা. মাহমুদা খাতুন", "Dr. Mahmuda Khatun"),
                        PractitionerRole.DOCTOR,
                        new BmdcRegistration(BmdcNumber.parse("A-23456"), renewal),
                        "Internal Medicine",
                        medicine,
                        both,
                        List.of("MBBS", "FCPS (Medicine)"),
                        new ConsultationFees(Money.taka(800), Money.taka(500))));
        practitioner(
                seeder,
                "doctor-2",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("ডা. সাইফুল ইসলাম", "Dr. Saiful Islam"),
                        PractitionerRole.DOCTOR,
                        new BmdcRegistration(BmdcNumber.parse("A-31877"), renewal),
                        "Cardiology",
                        medicine,
                        both,
                        List.of("MBBS", "MD (Cardiology)"),
                        new ConsultationFees(Money.taka(1200), Money.taka(700))));
        practitioner(
                seeder,
                "doctor-3",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("ডা. নাসরিন সুলতানা", "Dr. Nasrin Sultana"),
                        PractitionerRole.DOCTOR,
                        new BmdcRegistration(BmdcNumber.parse("A-40211"), renewal),
                        "Paediatrics",
                        paediatrics,
                        Set.of(Language.BN),
                        List.of("MBBS", "DCH"),
                        new ConsultationFees(Money.taka(700), Money.taka(400))));
        practitioner(
                seeder,
                "doctor-4",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("ডা. ফারহানা আহমেদ", "Dr. Farhana Ahmed"),
                        PractitionerRole.DOCTOR,
                        new BmdcRegistration(BmdcNumber.parse("A-28754"), renewal),
                        "Obstetrics and Gynaecology",
                        gynaecology,
                        both,
                        List.of("MBBS", "FCPS (Obs & Gynae)"),
                        new ConsultationFees(Money.taka(1000), Money.taka(600))));
        practitioner(
                seeder,
                "nurse-1",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("রীনা বিশ্বাস", "Rina Biswas"),
                        PractitionerRole.NURSE,
                        null,
                        "Outpatient nursing",
                        medicine,
                        Set.of(Language.BN),
                        List.of("BSc Nursing"),
                        null));
        practitioner(
                seeder,
                "technician-1",
                new RegisterPractitioner(
                        PractitionerId.random(),
                        PersonName.of("জুয়েল মিয়া", "Jewel Mia"),
                        PractitionerRole.TECHNICIAN,
                        null,
                        "Clinical pathology",
                        laboratory,
                        Set.of(Language.BN),
                        List.of("Diploma in Medical Technology (Laboratory)"),
                        null));
    }

    private DepartmentId department(Authentication seeder, String code, String english, String bangla) {
        return commands.sendAs(
                seeder,
                new CreateDepartment(
                        DepartmentId.random(), DepartmentName.of(english, bangla), DepartmentCode.parse(code)),
                "demo-department-" + code,
                "demo-seed");
    }

    private void practitioner(Authentication seeder, String key, RegisterPractitioner command) {
        commands.sendAs(seeder, command, "demo-practitioner-" + key, "demo-seed");
    }

    static String username(Role role) {
        return role.name().toLowerCase();
    }

    static List<RegisterPatient> patients(LocalDate today) {
        var in = Objects.requireNonNull(DemoDataSeeder.class.getResourceAsStream("/demo/patients.csv"));
        List<RegisterPatient> patients = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("name_bn,")) {
                    continue;
                }
                String[] c = line.split(",", -1);
                n++;
                BirthDate birthDate = c[3].isEmpty()
                        ? BirthDate.fromAge(Integer.parseInt(c[4]), today)
                        : BirthDate.exact(LocalDate.parse(c[3]), today);
                PersonName name = PersonName.of(c[0], c[1]);
                PhoneNumber phone = PhoneNumber.mobile(c[5]);
                Language language = n % 3 == 0 ? Language.EN : Language.BN;
                patients.add(new RegisterPatient(
                        PatientId.random(),
                        new PatientDemographics(name, Sex.valueOf(c[2]), birthDate, null),
                        PatientIdentifiers.none(),
                        new PatientContact(phone, null, Address.of(c[6], c[7], null, null), null, language),
                        new CommunicationConsent(true, false),
                        null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return patients;
    }
}
