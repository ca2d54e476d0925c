package org.carelog.command.practitioner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;

/** The registry's rules over maps, for aggregate tests. */
class InMemoryPractitionerRegistry implements PractitionerRegistry {

    private final Map<DepartmentCode, DepartmentId> codes = new HashMap<>();
    private final Map<BmdcNumber, PractitionerId> bmdcNumbers = new HashMap<>();

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
}
