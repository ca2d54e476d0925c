package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** A service point was given a new name. */
@Revision("1")
public record ServicePointRenamed(DepartmentId departmentId, ServicePointId servicePointId, DepartmentName name) {}
