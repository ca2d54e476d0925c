package org.carelog.infra.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
import org.carelog.api.practitioner.AddServicePoint;
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
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.ServicePointKind;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.SetWeeklyAvailability;
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
 * Seeds the demo facility on first start: four departments with their doctors (and the doctors' weekly
 * availability), a nurse and a technician, one user per role, and fifty patients with Bangla and English names. Everything goes through commands, so the event store holds real events; idempotency
 * keys make a seeding interrupted half-way safe to repeat.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "carelog.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    /** Demo users: user name = role in lower case, password = that name + "-demo" (see README). */
    static final List<Role> DEMO_ROLES =
            List.of(Role.RECEPTIONIST, Role.DOCTOR, Role.NURSE, Role.BILLING, Role.AUDITOR);

    /** Which demo practitioner (demo/practitioners.csv key) a demo user acts as. */
    static final Map<Role, String> ACTS_AS = Map.of(Role.DOCTOR, "doctor-1", Role.NURSE, "nurse-1");

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
        Map<String, PractitionerId> practitioners = seedFacility(seeder);
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
                // The demo doctor acts as the first demo doctor: their BMDC registration signs prescriptions,
                // and their appointments and encounters put patients in their care (no break-glass needed).
                PractitionerId actsAs = ACTS_AS.containsKey(role) ? practitioners.get(ACTS_AS.get(role)) : null;
                if (actsAs != null) {
                    accounts.setPractitioner(username(role), actsAs.value());
                }
            }
        }
        log.info(
                "Demo data seeded: {} patients, users {}",
                patients.size(),
                DEMO_ROLES.stream().map(DemoDataSeeder::username).toList());
    }

    /** The departments, their service points and staff (demo/departments.csv, service-points.csv, practitioners.csv). */
    private Map<String, PractitionerId> seedFacility(Authentication seeder) {
        Map<String, DepartmentId> departments = new HashMap<>();
        for (String[] c : rows("/demo/departments.csv")) {
            DepartmentId id = commands.sendAs(
                    seeder,
                    new CreateDepartment(
                            DepartmentId.random(), DepartmentName.of(c[1], c[2]), DepartmentCode.parse(c[0])),
                    "demo-department-" + c[0],
                    "demo-seed");
            departments.put(c[0], id);
        }
        Map<String, ServicePointId> servicePoints = new HashMap<>();
        for (String[] c : rows("/demo/service-points.csv")) {
            ServicePointId id = ServicePointId.random();
            commands.sendAs(
                    seeder,
                    new AddServicePoint(
                            departments.get(c[1]),
                            id,
                            ServicePointCode.parse(c[0]),
                            DepartmentName.of(c[3], c[4]),
                            ServicePointKind.valueOf(c[2])),
                    "demo-service-point-" + c[0],
                    "demo-seed");
            servicePoints.put(c[0], id);
        }
        LocalDate renewal = LocalDate.now(clock).plusYears(3);
        Map<String, PractitionerId> practitioners = new HashMap<>();
        for (String[] c : rows("/demo/practitioners.csv")) {
            RegisterPractitioner command = new RegisterPractitioner(
                    PractitionerId.random(),
                    PersonName.of(c[1], c[2]),
                    PractitionerRole.valueOf(c[3]),
                    c[4].isEmpty() ? null : new BmdcRegistration(BmdcNumber.parse(c[4]), renewal),
                    c[5],
                    departments.get(c[6]),
                    Arrays.stream(c[7].split(";")).map(Language::valueOf).collect(Collectors.toSet()),
                    List.of(c[8].split(";")),
                    c[9].isEmpty() ? null : new ConsultationFees(Money.taka(c[9]), Money.taka(c[10])));
            practitioners.put(c[0], commands.sendAs(seeder, command, "demo-practitioner-" + c[0], "demo-seed"));
        }
        seedAvailability(seeder, practitioners, servicePoints);
        return practitioners;
    }

    /** Weekly sessions of the demo doctors (demo/availability.csv), so a newcomer sees free slots. */
    private void seedAvailability(
            Authentication seeder, Map<String, PractitionerId> practitioners, Map<String, ServicePointId> places) {
        Map<String, List<AvailabilitySession>> sessions = new java.util.LinkedHashMap<>();
        for (String[] c : rows("/demo/availability.csv")) {
            sessions.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new AvailabilitySession(
                            places.get(c[1]),
                            Arrays.stream(c[2].split(";"))
                                    .map(DayOfWeek::valueOf)
                                    .collect(Collectors.toSet()),
                            LocalTime.parse(c[3]),
                            LocalTime.parse(c[4]),
                            Integer.parseInt(c[5]),
                            Integer.parseInt(c[6]),
                            Integer.parseInt(c[7]),
                            Arrays.stream(c[8].split(";"))
                                    .map(AppointmentType::valueOf)
                                    .collect(Collectors.toSet())));
        }
        sessions.forEach((key, list) -> commands.sendAs(
                seeder,
                new SetWeeklyAvailability(practitioners.get(key), list),
                "demo-availability-" + key,
                "demo-seed"));
    }

    static String username(Role role) {
        return role.name().toLowerCase();
    }

    static List<RegisterPatient> patients(LocalDate today) {
        List<RegisterPatient> patients = new ArrayList<>();
        int n = 0;
        for (String[] c : rows("/demo/patients.csv")) {
            n++;
            BirthDate birthDate = c[3].isEmpty()
                    ? BirthDate.fromAge(Integer.parseInt(c[4]), today)
                    : BirthDate.exact(LocalDate.parse(c[3]), today);
            Language language = n % 3 == 0 ? Language.EN : Language.BN;
            patients.add(new RegisterPatient(
                    PatientId.random(),
                    new PatientDemographics(PersonName.of(c[0], c[1]), Sex.valueOf(c[2]), birthDate, null),
                    PatientIdentifiers.none(),
                    new PatientContact(
                            PhoneNumber.mobile(c[5]), null, Address.of(c[6], c[7], null, null), null, language),
                    new CommunicationConsent(true, false),
                    null));
        }
        return patients;
    }

    /** The data rows of a demo CSV file: comment lines (#) and the header skipped; no quoting is used. */
    private static List<String[]> rows(String resource) {
        var in = Objects.requireNonNull(DemoDataSeeder.class.getResourceAsStream(resource), resource);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#"))
                    .skip(1)
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
