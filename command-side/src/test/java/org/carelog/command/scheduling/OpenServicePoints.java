package org.carelog.command.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.command.practitioner.PractitionerRegistry;

/** The only part of the practitioner registry scheduling asks: which service points are open, where. */
class OpenServicePoints implements PractitionerRegistry {

    final Map<ServicePointId, DepartmentId> open = new HashMap<>();

    @Override
    public Optional<DepartmentId> openServicePointDepartment(ServicePointId servicePoint) {
        return Optional.ofNullable(open.get(servicePoint));
    }

    @Override
    public Optional<DepartmentId> claimDepartmentCode(DepartmentId department, DepartmentCode code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean departmentExists(DepartmentId department) {
        return true;
    }

    @Override
    public Optional<PractitionerId> claimBmdcNumber(PractitionerId practitioner, BmdcNumber number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ServicePointId> claimServicePointCode(
            DepartmentId department, ServicePointId servicePoint, ServicePointCode code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void closeServicePoint(ServicePointId servicePoint) {
        open.remove(servicePoint);
    }
}
