package org.carelog.api.practitioner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a department a new name; its code stays. */
public record RenameDepartment(@TargetAggregateIdentifier DepartmentId departmentId, DepartmentName name) {}
