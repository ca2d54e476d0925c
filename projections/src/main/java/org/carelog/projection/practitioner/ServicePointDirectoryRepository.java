package org.carelog.projection.practitioner;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The service point directory's read table; tens to a few hundred rows, so lists are whole. */
public interface ServicePointDirectoryRepository extends JpaRepository<ServicePointDirectoryEntry, UUID> {

    List<ServicePointDirectoryEntry> findAllByOrderByCode();

    List<ServicePointDirectoryEntry> findByDepartmentIdOrderByCode(UUID departmentId);

    List<ServicePointDirectoryEntry> findByDepartmentIdInOrderByCode(List<UUID> departmentIds);
}
