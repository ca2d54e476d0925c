package org.carelog.command.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Violations;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentCreated;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.DepartmentRenamed;
import org.carelog.api.practitioner.RenameDepartment;

/**
 * A department of the facility: its bilingual name and its code. The code must be unique among all
 * departments, which only the {@link PractitionerRegistry} can tell, in the same transaction.
 */
@Aggregate
class Department {

    @AggregateIdentifier
    private DepartmentId departmentId;

    private DepartmentName name;

    Department() {
        // for Axon
    }

    @CommandHandler
    Department(CreateDepartment command, PractitionerRegistry registry) {
        Violations violations = new Violations();
        DepartmentName checkedName = name(command.name(), violations);
        DepartmentCode code = Checks.as(
                violations,
                "code",
                () -> DepartmentCode.parse(
                        command.code() == null ? null : command.code().value()));
        violations.throwIfAny();
        registry.claimDepartmentCode(command.departmentId(), code).ifPresent(holder -> {
            throw CarelogException.conflict(
                    "Another department already has the code " + code,
                    Map.of("field", "code", "departmentId", holder.toString()));
        });
        apply(new DepartmentCreated(command.departmentId(), checkedName, code));
    }

    @CommandHandler
    void handle(RenameDepartment command) {
        Violations violations = new Violations();
        DepartmentName newName = name(command.name(), violations);
        violations.throwIfAny();
        if (newName.equals(name)) {
            return;
        }
        apply(new DepartmentRenamed(departmentId, newName));
    }

    private static DepartmentName name(DepartmentName given, Violations violations) {
        if (given == null) {
            violations.reject("nameEn", "is required");
            violations.reject("nameBn", "is required");
            return null;
        }
        return Checks.keep(violations, () -> DepartmentName.of(given.english(), given.bangla()));
    }

    @EventSourcingHandler
    void on(DepartmentCreated event) {
        departmentId = event.departmentId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(DepartmentRenamed event) {
        name = event.name();
    }
}
