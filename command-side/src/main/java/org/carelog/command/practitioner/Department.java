package org.carelog.command.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.practitioner.AddServicePoint;
import org.carelog.api.practitioner.CloseServicePoint;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentCreated;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.DepartmentRenamed;
import org.carelog.api.practitioner.RenameDepartment;
import org.carelog.api.practitioner.RenameServicePoint;
import org.carelog.api.practitioner.ServicePointAdded;
import org.carelog.api.practitioner.ServicePointClosed;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.ServicePointRenamed;

/**
 * A department of the facility: its bilingual name, its code, and its service points (chambers, rooms,
 * counters). Department and service point codes must be unique in the facility, which only the {@link
 * PractitionerRegistry} can tell, in the same transaction.
 */
@Aggregate
class Department {

    @AggregateIdentifier
    private DepartmentId departmentId;

    private DepartmentName name;
    private final Map<ServicePointId, DepartmentName> servicePoints = new HashMap<>();
    private final Set<ServicePointId> closed = new HashSet<>();

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

    @CommandHandler
    void handle(AddServicePoint command, PractitionerRegistry registry) {
        Violations violations = new Violations();
        DepartmentName checkedName = name(command.name(), violations);
        ServicePointCode code = Checks.as(
                violations,
                "code",
                () -> ServicePointCode.parse(
                        command.code() == null ? null : command.code().value()));
        if (command.kind() == null) {
            violations.reject("kind", "is required");
        }
        violations.throwIfAny();
        if (servicePoints.containsKey(command.servicePointId())) {
            return;
        }
        registry.claimServicePointCode(departmentId, command.servicePointId(), code)
                .ifPresent(holder -> {
                    throw CarelogException.conflict(
                            "Another service point already has the code " + code,
                            Map.of("field", "code", "servicePointId", holder.toString()));
                });
        apply(new ServicePointAdded(departmentId, command.servicePointId(), code, checkedName, command.kind()));
    }

    @CommandHandler
    void handle(RenameServicePoint command) {
        Violations violations = new Violations();
        DepartmentName newName = name(command.name(), violations);
        violations.throwIfAny();
        if (newName.equals(servicePoint(command.servicePointId()))) {
            return;
        }
        apply(new ServicePointRenamed(departmentId, command.servicePointId(), newName));
    }

    @CommandHandler
    void handle(CloseServicePoint command, PractitionerRegistry registry) {
        servicePoint(command.servicePointId());
        String reason = Text.required("reason", command.reason(), 500);
        if (closed.contains(command.servicePointId())) {
            return;
        }
        registry.closeServicePoint(command.servicePointId());
        apply(new ServicePointClosed(departmentId, command.servicePointId(), reason));
    }

    private DepartmentName servicePoint(ServicePointId id) {
        DepartmentName current = servicePoints.get(id);
        if (current == null) {
            throw CarelogException.notFound("The department has no service point " + id);
        }
        return current;
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

    @EventSourcingHandler
    void on(ServicePointAdded event) {
        servicePoints.put(event.servicePointId(), event.name());
    }

    @EventSourcingHandler
    void on(ServicePointRenamed event) {
        servicePoints.put(event.servicePointId(), event.name());
    }

    @EventSourcingHandler
    void on(ServicePointClosed event) {
        closed.add(event.servicePointId());
    }
}
