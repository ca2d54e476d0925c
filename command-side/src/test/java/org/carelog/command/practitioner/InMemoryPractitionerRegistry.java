package org.carelog.command.practitioner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;

/** The registry's rules over maps, for aggregate tests. */
class InMemoryPractitionerRegistry implements PractitionerRegistry {

    private final Map<DepartmentCode, DepartmentId> codes = new HashMap<>();
    private final Map<BmdcNumber, PractitionerId> bmdcNumbers = new HashMap<>();
    private final Map<ServicePointCode, ServicePointId> servicePointCodes = new HashMap<>();
    private final Map<ServicePointId, DepartmentId> servicePoints = new HashMap<>();
    private final Set<ServicePointId> closed = new HashSet<>();

    @Override
    public Optional<DepartmentId> claimDepartmentCode(DepartmentId department, DepartmentCode code) {
        DepartmentId holder = codes.putIfAbsent(code, department);
        return holder == null || holder.equals(department) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public boolean departmentExists(DepartmentId department) {
        return codes.containsValue(department);
    }

    @Override
    public Optional<PractitionerId> claimBmdcNumber(PractitionerId practitioner, BmdcNumber number) {
        PractitionerId holder = bmdcNumbers.putIfAbsent(number, practitioner);
        return holder == null || holder.equals(practitioner) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public Optional<ServicePointId> claimServicePointCode(
            DepartmentId department, ServicePointId servicePoint, ServicePointCode code) {
        ServicePointId holder = servicePointCodes.putIfAbsent(code, servicePoint);
        if (holder == null) {
            servicePoints.put(servicePoint, department);
        }
        return holder == null || holder.equals(servicePoint) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public void closeServicePoint(ServicePointId servicePoint) {
        closed.add(servicePoint);
    }

    @Override
    public Optional<DepartmentId> openServicePointDepartment(ServicePointId servicePoint) {
        return closed.contains(servicePoint) ? Optional.empty() : Optional.ofNullable(servicePoints.get(servicePoint));
    }
}
