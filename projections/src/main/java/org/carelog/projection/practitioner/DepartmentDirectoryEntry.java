package org.carelog.projection.practitioner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.DepartmentSummary;
import org.springframework.data.domain.Persistable;

/** One row of the department directory. */
@Entity
@Table(name = "department_directory")
public class DepartmentDirectoryEntry implements Persistable<UUID> {

    @Id
    private UUID departmentId;

    private String code;
    private String nameEn;
    private String nameBn;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Transient
    private boolean fresh;

    protected DepartmentDirectoryEntry() {}

    static DepartmentDirectoryEntry created(UUID departmentId, String code, DepartmentName name, Instant at) {
        DepartmentDirectoryEntry entry = new DepartmentDirectoryEntry();
        entry.departmentId = departmentId;
        entry.code = code;
        entry.createdAt = at;
        entry.name(name, at);
        entry.fresh = true;
        return entry;
    }

    void name(DepartmentName name, Instant at) {
        nameEn = name.english();
        nameBn = name.bangla();
        updatedAt = at;
    }

    public DepartmentSummary toSummary() {
        return new DepartmentSummary(departmentId.toString(), code, nameEn, nameBn, createdAt, updatedAt);
    }

    @Override
    public UUID getId() {
        return departmentId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
