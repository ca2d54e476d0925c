package org.carelog.api.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a service point for good (a room given up): nothing new is scheduled or queued there. */
public record CloseServicePoint(
        @TargetAggregateIdentifier DepartmentId departmentId, ServicePointId servicePointId, String reason) {}
