package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** A department was given a new name. */
@Revision("1")
public record DepartmentRenamed(DepartmentId departmentId, DepartmentName name) {}
