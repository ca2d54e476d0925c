package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** A department was opened. */
@Revision("1")
public record DepartmentCreated(DepartmentId departmentId, DepartmentName name, DepartmentCode code) {}
