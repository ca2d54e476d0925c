package org.carelog.api.practitioner;

import org.axonframework.serialization.Revision;

/** A service point was closed for good; its code stays taken so old tokens and slips stay unambiguous. */
@Revision("1")
public record ServicePointClosed(DepartmentId departmentId, ServicePointId servicePointId, String reason) {}
