package org.carelog.api.practitioner;

/** Lists practitioners by name, optionally only those of one department and/or one role. */
public record ListPractitioners(DepartmentId departmentId, PractitionerRole role) {}
