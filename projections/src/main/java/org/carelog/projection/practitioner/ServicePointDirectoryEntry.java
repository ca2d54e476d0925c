package org.carelog.projection.practitioner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.ServicePointKind;
import org.carelog.api.practitioner.ServicePointSummary;
import org.springframework.data.domain.Persistable;

/** One row of the service point directory. */
@Entity
@Table(name = "service_point_directory")
public class ServicePointDirectoryEntry implements Persistable<UUID> {

    @Id
    private UUID servicePointId;

    private UUID departmentId;
    private String code;
    private String nameEn;
    private String nameBn;

    @Enumerated(EnumType.STRING)
    private ServicePointKind kind;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;
    private Instant closedAt;

    @Transient
    private boolean fresh;

    protected ServicePointDirectoryEntry() {}

    static ServicePointDirectoryEntry added(
            UUID servicePointId,
            UUID departmentId,
            String code,
            DepartmentName name,
            ServicePointKind kind,
            Instant at) {
        ServicePointDirectoryEntry entry = new ServicePointDirectoryEntry();
        entry.servicePointId = servicePointId;
        entry.departmentId = departmentId;
        entry.code = code;
        entry.kind = kind;
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

    void close(Instant at) {
        closedAt = at;
        updatedAt = at;
    }

    public ServicePointSummary toSummary() {
        return new ServicePointSummary(
                servicePointId.toString(),
                departmentId.toString(),
                code,
                nameEn,
                nameBn,
                kind,
                createdAt,
                updatedAt,
                closedAt);
    }

    @Override
    public UUID getId() {
        return servicePointId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
