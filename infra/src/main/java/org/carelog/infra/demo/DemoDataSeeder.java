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
 * Seeds the demo facility on first start: one user per role and about fifty patients with Bangla and
 * English names. Everything goes through commands, so the event store holds real events; idempotency
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
