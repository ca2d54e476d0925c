package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** The practitioner moved to another department. */
@Revision("1")
public record PractitionerTransferred(PractitionerId practitionerId, DepartmentId departmentId) {}
