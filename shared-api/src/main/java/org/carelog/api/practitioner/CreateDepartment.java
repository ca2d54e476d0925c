package org.carelog.api.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a department with a name in both languages and a code no other department has. */
public record CreateDepartment(
        @TargetAggregateIdentifier DepartmentId departmentId, DepartmentName name, DepartmentCode code) {}
