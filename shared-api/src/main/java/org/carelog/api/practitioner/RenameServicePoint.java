package org.carelog.api.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a service point a new name; its code stays. */
public record RenameServicePoint(
        @TargetAggregateIdentifier DepartmentId departmentId, ServicePointId servicePointId, DepartmentName name) {}
