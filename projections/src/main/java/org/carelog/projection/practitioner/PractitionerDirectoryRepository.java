package org.carelog.projection.practitioner;

import java.util.List;
import java.util.UUID;
import org.carelog.api.practitioner.PractitionerRole;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The practitioner directory's read table. A facility has tens to a few hundred practitioners; lists
 * are whole, sorted by name, each filter served by the (department, role) or role index. One method
 * per filter: an optional parameter ({@code :x is null}) would leave PostgreSQL guessing its type.
 */
public interface PractitionerDirectoryRepository extends JpaRepository<PractitionerDirectoryEntry, UUID> {

    List<PractitionerDirectoryEntry> findAllByOrderByDisplayNameAscPractitionerIdAsc();

    List<PractitionerDirectoryEntry> findByDepartmentIdOrderByDisplayNameAscPractitionerIdAsc(UUID departmentId);

    List<PractitionerDirectoryEntry> findByRoleOrderByDisplayNameAscPractitionerIdAsc(PractitionerRole role);

    List<PractitionerDirectoryEntry> findByDepartmentIdAndRoleOrderByDisplayNameAscPractitionerIdAsc(
            UUID departmentId, PractitionerRole role);

    /** Practitioners of a specialty, ignoring case (for scheduling by specialty). */
    List<PractitionerDirectoryEntry> findBySpecialtyIgnoreCase(String specialty);
}
