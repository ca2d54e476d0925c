package org.carelog.command.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.BmdcRegistrationRenewed;
import org.carelog.api.practitioner.ConsultationFees;
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
import org.carelog.command.scheduling.PractitionerAvailability;

/**
 * A practitioner of the facility: role, BMDC registration (doctors and dentists), specialty,
 * department, languages, qualifications and consultation fees. Whether a department exists and
 * whether a BMDC number is free come from the {@link PractitionerRegistry}; today's date from the
 * application's clock. Availability and leave are kept by its {@link PractitionerAvailability}.
 */
@Aggregate
class Practitioner {

    static final int MAX_TEXT = 100;
    static final int MAX_QUALIFICATIONS = 20;

    @AggregateIdentifier
    private PractitionerId practitionerId;

    private BmdcRegistration bmdc;
    private String specialty;
    private DepartmentId departmentId;
    private Set<Language> languages;
    private List<String> qualifications;
    private ConsultationFees fees;

    /** Weekly sessions, one-off changes and leave (package scheduling). */
    @AggregateMember
    private final PractitionerAvailability availability = new PractitionerAvailability();

    Practitioner() {
        // for Axon
    }

    @CommandHandler
    Practitioner(RegisterPractitioner command, PractitionerRegistry registry, Clock clock) {
        Violations violations = new Violations();
        PersonName name = command.name() == null
                ? reject(violations, "nameEn", "a name in Bangla or English is required")
                : Checks.keep(
                        violations,
                        () -> PersonName.of(
                                command.name().bangla(), command.name().latin()));
        if (command.role() == null) {
            violations.reject("role", "is required");
        }
        BmdcRegistration registration = bmdc(command.role(), command.bmdc(), LocalDate.now(clock), violations);
        if (command.role() == PractitionerRole.DOCTOR && command.fees() == null) {
            violations.reject("fees", "are required for doctors");
        }
        ConsultationFees checkedFees = command.fees() == null ? null : fees(command.fees(), violations);
        String cleanSpecialty = specialty(command.specialty(), violations);
        List<String> cleanQualifications =
                qualifications(command.qualifications() == null ? List.of() : command.qualifications(), violations);
        Set<Language> spoken = languages(command.languages(), violations);
        if (command.departmentId() == null) {
            violations.reject("departmentId", "is required");
        } else {
            department(command.departmentId(), registry, violations);
        }
        violations.throwIfAny();

        if (registration != null) {
            claim(registry, command.practitionerId(), registration.number());
        }
        apply(new PractitionerRegistered(
                command.practitionerId(),
                name,
                command.role(),
                registration,
                cleanSpecialty,
                command.departmentId(),
                spoken,
                cleanQualifications,
                checkedFees));
    }

    @CommandHandler
    void handle(UpdatePractitionerProfile command, PractitionerRegistry registry) {
        Violations violations = new Violations();
        ConsultationFees newFees = command.fees() == null ? fees : fees(command.fees(), violations);
        String newSpecialty = command.specialty() == null ? specialty : specialty(command.specialty(), violations);
        List<String> newQualifications = command.qualifications() == null
                ? qualifications
                : qualifications(command.qualifications(), violations);
        Set<Language> newLanguages =
                command.languages() == null ? languages : languages(command.languages(), violations);
        DepartmentId newDepartment = Objects.requireNonNullElse(command.departmentId(), departmentId);
        if (!newDepartment.equals(departmentId)) {
            department(newDepartment, registry, violations);
        }
        violations.throwIfAny();

        if (!Objects.equals(newFees, fees)) {
            apply(new PractitionerFeesChanged(practitionerId, newFees));
        }
        if (!Objects.equals(newSpecialty, specialty)) {
            apply(new PractitionerSpecialtyChanged(practitionerId, newSpecialty));
        }
        if (!newQualifications.equals(qualifications)) {
            apply(new PractitionerQualificationsChanged(practitionerId, newQualifications));
        }
        if (!newLanguages.equals(languages)) {
            apply(new PractitionerLanguagesChanged(practitionerId, newLanguages));
        }
        if (!newDepartment.equals(departmentId)) {
            apply(new PractitionerTransferred(practitionerId, newDepartment));
        }
    }

    @CommandHandler
    void handle(RenewBmdcRegistration command, Clock clock) {
        if (bmdc == null) {
            throw CarelogException.conflict(
                    "Only doctors and dentists have a BMDC registration to renew", Map.of("field", "practitionerId"));
        }
        if (command.expiresOn() == null) {
            throw CarelogException.validation("expiresOn", "is required");
        }
        if (command.expiresOn().equals(bmdc.expiresOn())) {
            return;
        }
        if (command.expiresOn().isBefore(bmdc.expiresOn())) {
            throw CarelogException.validation(
                    "expiresOn", "must be later than the current expiry, " + bmdc.expiresOn());
        }
        if (command.expiresOn().isBefore(LocalDate.now(clock))) {
            throw CarelogException.validation("expiresOn", "has already passed");
        }
        apply(new BmdcRegistrationRenewed(practitionerId, bmdc.number(), command.expiresOn()));
    }

    /** Doctors must hold a BMDC registration valid today; no other role holds one. */
    private static BmdcRegistration bmdc(
            PractitionerRole role, BmdcRegistration given, LocalDate today, Violations violations) {
        if (role != PractitionerRole.DOCTOR) {
            if (given != null) {
                violations.reject("bmdc", "only doctors and dentists are registered with the BMDC");
            }
            return null;
        }
        if (given == null) {
            violations.reject("bmdc", "is required for doctors");
            return null;
        }
        BmdcNumber number = given.number() == null
                ? reject(violations, "bmdc.number", "is required")
                : Checks.as(
                        violations,
                        "bmdc.number",
                        () -> BmdcNumber.parse(given.number().value()));
        if (given.expiresOn() == null) {
            violations.reject("bmdc.expiresOn", "is required");
        } else if (given.expiredOn(today)) {
            violations.reject("bmdc.expiresOn", "has passed: the registration must be renewed first");
        }
        return number == null || given.expiresOn() == null ? null : new BmdcRegistration(number, given.expiresOn());
    }

    private static ConsultationFees fees(ConsultationFees given, Violations violations) {
        fee(given.newVisit(), "fees.newVisit", violations);
        fee(given.followUp(), "fees.followUp", violations);
        return given;
    }

    private static void fee(Money amount, String field, Violations violations) {
        if (amount == null) {
            violations.reject(field, "is required");
        } else if (amount.negative()) {
            violations.reject(field, "must not be negative");
        }
    }

    private static String specialty(String raw, Violations violations) {
        String clean = Text.clean(raw);
        if (clean != null && clean.length() > MAX_TEXT) {
            violations.reject("specialty", "is longer than " + MAX_TEXT + " characters");
        }
        return clean;
    }

    /** Cleaned, blanks and repeats (ignoring case) dropped, order kept. */
    private static List<String> qualifications(List<String> raw, Violations violations) {
        List<String> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String each : raw) {
            String text = Text.clean(each);
            if (text == null || !seen.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (text.length() > MAX_TEXT) {
                violations.reject("qualifications", "each is at most " + MAX_TEXT + " characters");
                return List.of();
            }
            clean.add(text);
        }
        if (clean.size() > MAX_QUALIFICATIONS) {
            violations.reject("qualifications", "at most " + MAX_QUALIFICATIONS + " may be listed");
        }
        return List.copyOf(clean);
    }

    private static Set<Language> languages(Set<Language> given, Violations violations) {
        if (given == null || given.isEmpty()) {
            violations.reject("languages", "at least one language is required");
            return Set.of();
        }
        return Set.copyOf(given);
    }

    private static void department(DepartmentId department, PractitionerRegistry registry, Violations violations) {
        if (!registry.departmentExists(department)) {
            violations.reject("departmentId", "is not a department of this facility");
        }
    }

    private static void claim(PractitionerRegistry registry, PractitionerId practitioner, BmdcNumber number) {
        registry.claimBmdcNumber(practitioner, number).ifPresent(holder -> {
            throw CarelogException.conflict(
                    "Another practitioner is registered with BMDC number " + number,
                    Map.of("field", "bmdc.number", "practitionerId", holder.toString()));
        });
    }

    private static <T> T reject(Violations violations, String field, String message) {
        violations.reject(field, message);
        return null;
    }

    @EventSourcingHandler
    void on(PractitionerRegistered event) {
        practitionerId = event.practitionerId();
        bmdc = event.bmdc();
        specialty = event.specialty();
        departmentId = event.departmentId();
        languages = event.languages();
        qualifications = event.qualifications();
        fees = event.fees();
    }

    @EventSourcingHandler
    void on(PractitionerFeesChanged event) {
        fees = event.fees();
    }

    @EventSourcingHandler
    void on(PractitionerSpecialtyChanged event) {
        specialty = event.specialty();
    }

    @EventSourcingHandler
    void on(PractitionerQualificationsChanged event) {
        qualifications = event.qualifications();
    }

    @EventSourcingHandler
    void on(PractitionerLanguagesChanged event) {
        languages = event.languages();
    }

    @EventSourcingHandler
    void on(PractitionerTransferred event) {
        departmentId = event.departmentId();
    }

    @EventSourcingHandler
    void on(BmdcRegistrationRenewed event) {
        bmdc = new BmdcRegistration(event.number(), event.expiresOn());
    }
}
