package org.carelog.projection.practitioner;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The department directory's read table; a facility has tens of departments, so lists are whole. */
public interface DepartmentDirectoryRepository extends JpaRepository<DepartmentDirectoryEntry, UUID> {

    List<DepartmentDirectoryEntry> findAllByOrderByCode();

    List<DepartmentDirectoryEntry> findByCodeStartingWithOrderByCode(String prefix);
}
