package org.carelog.query.practitioner;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.practitioner.DepartmentSummary;
import org.carelog.api.practitioner.FindDepartment;
import org.carelog.api.practitioner.FindPractitioner;
import org.carelog.api.practitioner.FindServicePoint;
import org.carelog.api.practitioner.ListDepartments;
import org.carelog.api.practitioner.ListPractitioners;
import org.carelog.api.practitioner.ListServicePoints;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.practitioner.ServicePointSummary;
import org.carelog.projection.practitioner.DepartmentDirectoryEntry;
import org.carelog.projection.practitioner.DepartmentDirectoryRepository;
import org.carelog.projection.practitioner.PractitionerDirectoryEntry;
import org.carelog.projection.practitioner.PractitionerDirectoryRepository;
import org.carelog.projection.practitioner.ServicePointDirectoryEntry;
import org.carelog.projection.practitioner.ServicePointDirectoryRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers department and practitioner directory queries. */
@Component
class PractitionerQueryHandler {

    private final DepartmentDirectoryRepository departments;
    private final PractitionerDirectoryRepository practitioners;
    private final ServicePointDirectoryRepository servicePoints;

    PractitionerQueryHandler(
            DepartmentDirectoryRepository departments,
            PractitionerDirectoryRepository practitioners,
            ServicePointDirectoryRepository servicePoints) {
        this.departments = departments;
        this.practitioners = practitioners;
        this.servicePoints = servicePoints;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    ServicePointSummary find(FindServicePoint query) {
        return servicePoints
                .findById(query.servicePointId().value())
                .map(ServicePointDirectoryEntry::toSummary)
                .orElse(null);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<ServicePointSummary> list(ListServicePoints query) {
        List<ServicePointDirectoryEntry> rows = query.departmentId() == null
                ? servicePoints.findAllByOrderByCode()
                : servicePoints.findByDepartmentIdOrderByCode(
                        query.departmentId().value());
        return rows.stream().map(ServicePointDirectoryEntry::toSummary).toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    DepartmentSummary find(FindDepartment query) {
        return departments
                .findById(query.departmentId().value())
                .map(DepartmentDirectoryEntry::toSummary)
                .orElse(null);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<DepartmentSummary> list(ListDepartments query) {
        List<DepartmentDirectoryEntry> rows =
                query.codePrefix() == null || query.codePrefix().isBlank()
                        ? departments.findAllByOrderByCode()
                        : departments.findByCodeStartingWithOrderByCode(
                                query.codePrefix().strip().toUpperCase(Locale.ROOT));
        return rows.stream().map(DepartmentDirectoryEntry::toSummary).toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    PractitionerSummary find(FindPractitioner query) {
        return practitioners
                .findById(query.practitionerId().value())
                .map(PractitionerDirectoryEntry::toSummary)
                .orElse(null);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<PractitionerSummary> list(ListPractitioners query) {
        UUID department =
                query.departmentId() == null ? null : query.departmentId().value();
        List<PractitionerDirectoryEntry> rows;
        if (department != null && query.role() != null) {
            rows = practitioners.findByDepartmentIdAndRoleOrderByDisplayNameAscPractitionerIdAsc(
                    department, query.role());
        } else if (department != null) {
            rows = practitioners.findByDepartmentIdOrderByDisplayNameAscPractitionerIdAsc(department);
        } else if (query.role() != null) {
            rows = practitioners.findByRoleOrderByDisplayNameAscPractitionerIdAsc(query.role());
        } else {
            rows = practitioners.findAllByOrderByDisplayNameAscPractitionerIdAsc();
        }
        return rows.stream().map(PractitionerDirectoryEntry::toSummary).toList();
    }
}
