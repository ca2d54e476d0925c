package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** A service point was opened in a department. */
@Revision("1")
public record ServicePointAdded(
        DepartmentId departmentId,
        ServicePointId servicePointId,
        ServicePointCode code,
        DepartmentName name,
        ServicePointKind kind) {}
