package org.carelog.api.practitioner;

/** Lists service points by code: all, or one department's (null: all). Closed ones are listed too. */
public record ListServicePoints(DepartmentId departmentId) {}
