package org.carelog.api.scheduling;

import java.time.LocalDate;
import org.carelog.api.practitioner.DepartmentId;

/** Every appointment of a department on one local day, in time order. */
public record FindDepartmentAppointments(DepartmentId departmentId, LocalDate date) {}
