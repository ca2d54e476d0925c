package org.carelog.command.practitioner;

import graphql.schema.DataFetchingEnvironment;
import java.util.Set;
import org.carelog.api.common.Money;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.AddServicePoint;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.CloseServicePoint;
import org.carelog.api.practitioner.ConsultationFees;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.RegisterPractitioner;
import org.carelog.api.practitioner.RenameDepartment;
import org.carelog.api.practitioner.RenameServicePoint;
import org.carelog.api.practitioner.RenewBmdcRegistration;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.UpdatePractitionerProfile;
import org.carelog.command.common.CommandSender;
import org.carelog.command.practitioner.PractitionerInputs.AddServicePointInput;
import org.carelog.command.practitioner.PractitionerInputs.BmdcRegistrationInput;
import org.carelog.command.practitioner.PractitionerInputs.CloseServicePointInput;
import org.carelog.command.practitioner.PractitionerInputs.ConsultationFeesInput;
import org.carelog.command.practitioner.PractitionerInputs.CreateDepartmentInput;
import org.carelog.command.practitioner.PractitionerInputs.DepartmentPayload;
import org.carelog.command.practitioner.PractitionerInputs.PractitionerPayload;
import org.carelog.command.practitioner.PractitionerInputs.RegisterPractitionerInput;
import org.carelog.command.practitioner.PractitionerInputs.RenameDepartmentInput;
import org.carelog.command.practitioner.PractitionerInputs.RenameServicePointInput;
import org.carelog.command.practitioner.PractitionerInputs.RenewBmdcRegistrationInput;
import org.carelog.command.practitioner.PractitionerInputs.ServicePointPayload;
import org.carelog.command.practitioner.PractitionerInputs.UpdatePractitionerProfileInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Departments and the practitioner directory, kept by administrators. Input is read into value
 * objects here; every invalid field is reported at once and nothing is sent.
 */
@Controller
class PractitionerMutations {

    private final CommandSender commands;

    PractitionerMutations(CommandSender commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentPayload createDepartment(@Argument CreateDepartmentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        DepartmentCode code = Checks.as(violations, "code", () -> DepartmentCode.parse(input.code()));
        DepartmentName name = Checks.keep(violations, () -> DepartmentName.of(input.nameEn(), input.nameBn()));
        violations.throwIfAny();
        DepartmentId created =
                commands.send(new CreateDepartment(DepartmentId.random(), name, code), input.idempotencyKey(), env);
        return new DepartmentPayload(created.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentPayload renameDepartment(@Argument RenameDepartmentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        DepartmentId departmentId =
                Checks.as(violations, "departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        DepartmentName name = Checks.keep(violations, () -> DepartmentName.of(input.nameEn(), input.nameBn()));
        violations.throwIfAny();
        commands.send(new RenameDepartment(departmentId, name), input.idempotencyKey(), env);
        return new DepartmentPayload(departmentId.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    ServicePointPayload addServicePoint(@Argument AddServicePointInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        DepartmentId departmentId = department(input.departmentId(), violations);
        ServicePointCode code = Checks.as(violations, "code", () -> ServicePointCode.parse(input.code()));
        DepartmentName name = Checks.keep(violations, () -> DepartmentName.of(input.nameEn(), input.nameBn()));
        violations.throwIfAny();
        ServicePointId servicePointId = ServicePointId.random();
        commands.send(
                new AddServicePoint(departmentId, servicePointId, code, name, input.kind()),
                input.idempotencyKey(),
                env);
        return new ServicePointPayload(servicePointId.toString(), departmentId.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    ServicePointPayload renameServicePoint(@Argument RenameServicePointInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        DepartmentId departmentId = department(input.departmentId(), violations);
        ServicePointId servicePointId = servicePoint(input.servicePointId(), violations);
        DepartmentName name = Checks.keep(violations, () -> DepartmentName.of(input.nameEn(), input.nameBn()));
        violations.throwIfAny();
        commands.send(new RenameServicePoint(departmentId, servicePointId, name), input.idempotencyKey(), env);
        return new ServicePointPayload(servicePointId.toString(), departmentId.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    ServicePointPayload closeServicePoint(@Argument CloseServicePointInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        DepartmentId departmentId = department(input.departmentId(), violations);
        ServicePointId servicePointId = servicePoint(input.servicePointId(), violations);
        violations.throwIfAny();
        commands.send(new CloseServicePoint(departmentId, servicePointId, input.reason()), input.idempotencyKey(), env);
        return new ServicePointPayload(servicePointId.toString(), departmentId.toString());
    }

    private static DepartmentId department(String raw, Violations violations) {
        return Checks.as(violations, "departmentId", () -> DepartmentId.parse("departmentId", raw));
    }

    private static ServicePointId servicePoint(String raw, Violations violations) {
        return Checks.as(violations, "servicePointId", () -> ServicePointId.parse("servicePointId", raw));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PractitionerPayload registerPractitioner(@Argument RegisterPractitionerInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PersonName name = Checks.keep(violations, () -> PersonName.of(input.nameBn(), input.nameEn()));
        BmdcRegistration bmdc = input.bmdc() == null ? null : bmdc(input.bmdc(), violations);
        ConsultationFees fees = input.fees() == null ? null : fees(input.fees(), violations);
        DepartmentId departmentId =
                Checks.as(violations, "departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        violations.throwIfAny();
        PractitionerId registered = commands.send(
                new RegisterPractitioner(
                        PractitionerId.random(),
                        name,
                        input.role(),
                        bmdc,
                        input.specialty(),
                        departmentId,
                        input.languages() == null ? Set.of() : Set.copyOf(input.languages()),
                        input.qualifications(),
                        fees),
                input.idempotencyKey(),
                env);
        return new PractitionerPayload(registered.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PractitionerPayload updatePractitionerProfile(
            @Argument UpdatePractitionerProfileInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitionerId = Checks.as(
                violations, "practitionerId", () -> PractitionerId.parse("practitionerId", input.practitionerId()));
        ConsultationFees fees = input.fees() == null ? null : fees(input.fees(), violations);
        DepartmentId departmentId = input.departmentId() == null
                ? null
                : Checks.as(violations, "departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        violations.throwIfAny();
        commands.send(
                new UpdatePractitionerProfile(
                        practitionerId,
                        fees,
                        input.specialty(),
                        input.qualifications(),
                        input.languages() == null ? null : Set.copyOf(input.languages()),
                        departmentId),
                input.idempotencyKey(),
                env);
        return new PractitionerPayload(practitionerId.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PractitionerPayload renewBmdcRegistration(@Argument RenewBmdcRegistrationInput input, DataFetchingEnvironment env) {
        PractitionerId practitionerId = PractitionerId.parse("practitionerId", input.practitionerId());
        commands.send(new RenewBmdcRegistration(practitionerId, input.expiresOn()), input.idempotencyKey(), env);
        return new PractitionerPayload(practitionerId.toString());
    }

    private static BmdcRegistration bmdc(BmdcRegistrationInput in, Violations violations) {
        BmdcNumber number = Checks.as(violations, "bmdc.number", () -> BmdcNumber.parse(in.number()));
        return number == null ? null : new BmdcRegistration(number, in.expiresOn());
    }

    private static ConsultationFees fees(ConsultationFeesInput in, Violations violations) {
        Money newVisit = Checks.as(violations, "fees.newVisit", () -> Money.parse(in.newVisit()));
        Money followUp = Checks.as(violations, "fees.followUp", () -> Money.parse(in.followUp()));
        return new ConsultationFees(newVisit, followUp);
    }
}
