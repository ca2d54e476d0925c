package org.carelog.api.practitioner;

/** Finds one department by id. */
public record FindDepartment(DepartmentId departmentId) {}
