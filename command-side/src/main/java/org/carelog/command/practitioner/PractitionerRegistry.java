package org.carelog.command.practitioner;

import java.util.Optional;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;

/**
 * The command side's set-based view of departments and practitioners, which no single aggregate can
 * see: department codes and BMDC numbers that must be unique, and which departments exist.
 * Implementations write in the transaction of the command, so this view and the event store never
 * disagree.
 */
public interface PractitionerRegistry {

    /**
     * Claims a code for a department, which from then on exists. Empty when the code is now this
     * department's (or already was); otherwise the department that holds it. A concurrent claim of the
     * same code waits for the other transaction to finish.
     */
    Optional<DepartmentId> claimDepartmentCode(DepartmentId department, DepartmentCode code);

    /** Whether a department was created (its creation committed, or is in this transaction). */
    boolean departmentExists(DepartmentId department);

    /**
     * Claims a BMDC registration number for a practitioner. Empty when it is now theirs (or already
     * was); otherwise the practitioner who holds it.
     */
    Optional<PractitionerId> claimBmdcNumber(PractitionerId practitioner, BmdcNumber number);

    /**
     * Claims a code for a new service point of a department. Empty when the code is now this service
     * point's (or already was); otherwise the service point that holds it (closed ones keep theirs).
     */
    Optional<ServicePointId> claimServicePointCode(
            DepartmentId department, ServicePointId servicePoint, ServicePointCode code);

    /** Marks a service point closed: nothing new is scheduled or queued there. */
    void closeServicePoint(ServicePointId servicePoint);

    /** The department of a service point that exists and is open; empty otherwise. */
    Optional<DepartmentId> openServicePointDepartment(ServicePointId servicePoint);
}
