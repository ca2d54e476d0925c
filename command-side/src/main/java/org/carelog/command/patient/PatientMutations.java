package org.carelog.command.patient;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.Address;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.BirthRegistrationNumber;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.EmailAddress;
import org.carelog.api.patient.EmergencyContact;
import org.carelog.api.patient.ErasePatient;
import org.carelog.api.patient.NationalId;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientRegistration;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.RegisterPatient;
import org.carelog.api.patient.UpdatePatientDetails;
import org.carelog.command.common.CommandSender;
import org.carelog.command.patient.PatientInputs.AddressInput;
import org.carelog.command.patient.PatientInputs.ConsentInput;
import org.carelog.command.patient.PatientInputs.ContactInput;
import org.carelog.command.patient.PatientInputs.DemographicsInput;
import org.carelog.command.patient.PatientInputs.EmergencyContactInput;
import org.carelog.command.patient.PatientInputs.ErasePatientInput;
import org.carelog.command.patient.PatientInputs.IdentifiersInput;
import org.carelog.command.patient.PatientInputs.PatientPayload;
import org.carelog.command.patient.PatientInputs.RegisterPatientInput;
import org.carelog.command.patient.PatientInputs.UpdatePatientInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Registration and demographic changes. Input is read into value objects here, at the boundary; every
 * invalid field is reported at once and nothing is sent.
 */
@Controller
class PatientMutations {

    private static final Pattern ERASURE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/.\\-]{0,39}");

    private final CommandSender commands;
    private final Clock clock;

    PatientMutations(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE')")
    PatientPayload registerPatient(@Argument RegisterPatientInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        if (input.demographics() == null) {
            violations.reject("demographics", "is required");
        }
        PatientDemographics demographics =
                input.demographics() == null ? null : demographics(input.demographics(), violations);
        PatientIdentifiers identifiers =
                input.identifiers() == null ? null : identifiers(input.identifiers(), violations);
        PatientContact contact = input.contact() == null ? null : contact(input.contact(), violations);
        violations.throwIfAny();
        PatientRegistration registration = commands.send(
                new RegisterPatient(
                        PatientId.random(),
                        demographics,
                        identifiers,
                        contact,
                        consent(input.consent()),
                        input.duplicateOverrideReason()),
                input.idempotencyKey(),
                env);
        return new PatientPayload(
                registration.patientId().toString(), registration.mrn().value());
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE')")
    PatientPayload updatePatient(@Argument UpdatePatientInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patientId = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        PatientDemographics demographics =
                input.demographics() == null ? null : demographics(input.demographics(), violations);
        PatientIdentifiers identifiers =
                input.identifiers() == null ? null : identifiers(input.identifiers(), violations);
        PatientContact contact = input.contact() == null ? null : contact(input.contact(), violations);
        violations.throwIfAny();
        PatientRegistration registration = commands.send(
                new UpdatePatientDetails(patientId, demographics, identifiers, contact, consentOrNull(input.consent())),
                input.idempotencyKey(),
                env);
        return new PatientPayload(
                registration.patientId().toString(), registration.mrn().value());
    }

    /**
     * Erases a patient's personal data (crypto-shredding). ADMIN only: it cannot be undone. The legal
     * basis is a code and the reference a register number, never free text, since the erasure event
     * keeps both for good.
     */
    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PatientPayload erasePatient(@Argument ErasePatientInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patientId = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        if (input.legalBasis() == null) {
            violations.reject("legalBasis", "is required");
        }
        String reference = Text.clean(input.reference());
        if (reference == null || !ERASURE_REFERENCE.matcher(reference).matches()) {
            violations.reject(
                    "reference",
                    "give the request's number in the facility's register (letters, digits, - / .; at most 40),"
                            + " not a description");
        }
        violations.throwIfAny();
        PatientRegistration erased =
                commands.send(new ErasePatient(patientId, input.legalBasis(), reference), input.idempotencyKey(), env);
        return new PatientPayload(erased.patientId().toString(), erased.mrn().value());
    }

    private PatientDemographics demographics(DemographicsInput in, Violations violations) {
        PersonName name = violations.check("demographics", () -> PersonName.of(in.nameBn(), in.nameEn()));
        LocalDate today = LocalDate.now(clock);
        BirthDate birthDate = null;
        if (in.birthDate() != null && in.estimatedAge() != null) {
            violations.reject("demographics.estimatedAge", "give a date of birth or an estimated age, not both");
        } else if (in.birthDate() != null) {
            birthDate = violations.check("demographics", () -> BirthDate.exact(in.birthDate(), today));
        } else if (in.estimatedAge() != null) {
            birthDate = violations.check("demographics", () -> BirthDate.fromAge(in.estimatedAge(), today));
        } else {
            violations.reject("demographics.birthDate", "a date of birth or an estimated age is required");
        }
        return new PatientDemographics(name, in.sex(), birthDate, in.bloodGroup());
    }

    private static PatientIdentifiers identifiers(IdentifiersInput in, Violations violations) {
        NationalId nid = Text.isBlank(in.nationalId())
                ? null
                : violations.check("identifiers", () -> NationalId.parse(in.nationalId()));
        BirthRegistrationNumber brn = Text.isBlank(in.birthRegistrationNumber())
                ? null
                : violations.check("identifiers", () -> BirthRegistrationNumber.parse(in.birthRegistrationNumber()));
        return new PatientIdentifiers(nid, brn);
    }

    private static PatientContact contact(ContactInput in, Violations violations) {
        PhoneNumber phone =
                Text.isBlank(in.phone()) ? null : violations.check("contact", () -> PhoneNumber.mobile(in.phone()));
        EmailAddress email =
                Text.isBlank(in.email()) ? null : violations.check("contact", () -> EmailAddress.parse(in.email()));
        AddressInput a = in.address();
        Address address = a == null
                ? null
                : violations.check(
                        "contact.address",
                        () -> Address.of(a.divisionCode(), a.districtCode(), a.upazilaCode(), a.line()));
        EmergencyContactInput e = in.emergencyContact();
        EmergencyContact emergency = null;
        if (e != null) {
            if (Text.isBlank(e.name())) {
                violations.reject("contact.emergencyContact.name", "is required");
            }
            PhoneNumber emergencyPhone = violations.check("contact.emergencyContact", () -> PhoneNumber.any(e.phone()));
            emergency = new EmergencyContact(e.name(), e.relationship(), emergencyPhone);
        }
        return new PatientContact(phone, email, address, emergency, in.preferredLanguage());
    }

    private static CommunicationConsent consent(ConsentInput in) {
        return in == null ? new CommunicationConsent(false, false) : new CommunicationConsent(in.sms(), in.email());
    }

    private static CommunicationConsent consentOrNull(ConsentInput in) {
        return in == null ? null : consent(in);
    }
}
