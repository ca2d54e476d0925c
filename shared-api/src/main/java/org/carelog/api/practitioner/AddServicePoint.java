package org.carelog.api.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a service point (chamber, room, counter...) in a department, with a code no other service point has. */
public record AddServicePoint(
        @TargetAggregateIdentifier DepartmentId departmentId,
        ServicePointId servicePointId,
        ServicePointCode code,
        DepartmentName name,
        ServicePointKind kind) {}
