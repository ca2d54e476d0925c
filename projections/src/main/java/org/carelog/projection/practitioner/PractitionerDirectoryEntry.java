package org.carelog.projection.practitioner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.Money;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PersonName;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.ConsultationFees;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSummary;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/** One row of the practitioner directory: what front desks and schedulers look up. */
@Entity
@Table(name = "practitioner_directory")
public class PractitionerDirectoryEntry implements Persistable<UUID> {

    @Id
    private UUID practitionerId;

    private String nameBn;
    private String nameEn;

    /** The name lists are sorted by: English where given, otherwise Bangla. */
    private String displayName;

    @Enumerated(EnumType.STRING)
    private PractitionerRole role;

    private String bmdcNumber;
    private LocalDate bmdcExpiresOn;
    private String specialty;
    private UUID departmentId;

    /** Language codes in enum order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] languages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] qualifications;

    /** Taka, exact: numeric(12,2). */
    @Column(precision = 12, scale = 2)
    private BigDecimal newVisitFee;

    @Column(precision = 12, scale = 2)
    private BigDecimal followUpFee;

    @Column(updatable = false)
    private Instant registeredAt;

    private Instant updatedAt;

    @Transient
    private boolean fresh;

    protected PractitionerDirectoryEntry() {}

    static PractitionerDirectoryEntry registered(
            UUID practitionerId, PersonName name, PractitionerRole role, Instant at) {
        PractitionerDirectoryEntry entry = new PractitionerDirectoryEntry();
        entry.practitionerId = practitionerId;
        entry.nameBn = name.bangla();
        entry.nameEn = name.latin();
        entry.displayName = name.display();
        entry.role = role;
        entry.registeredAt = at;
        entry.updatedAt = at;
        entry.fresh = true;
        return entry;
    }

    void bmdc(BmdcRegistration bmdc, Instant at) {
        bmdcNumber = bmdc == null ? null : bmdc.number().value();
        bmdcExpiresOn = bmdc == null ? null : bmdc.expiresOn();
        updatedAt = at;
    }

    void specialty(String specialty, Instant at) {
        this.specialty = specialty;
        updatedAt = at;
    }

    void department(UUID departmentId, Instant at) {
        this.departmentId = departmentId;
        updatedAt = at;
    }

    void languages(Set<Language> languages, Instant at) {
        this.languages = languages.stream().sorted().map(Language::name).toArray(String[]::new);
        updatedAt = at;
    }

    void qualifications(List<String> qualifications, Instant at) {
        this.qualifications = qualifications.toArray(String[]::new);
        updatedAt = at;
    }

    void fees(ConsultationFees fees, Instant at) {
        newVisitFee = fees == null ? null : fees.newVisit().amount();
        followUpFee = fees == null ? null : fees.followUp().amount();
        updatedAt = at;
    }

    public PractitionerSummary toSummary() {
        return new PractitionerSummary(
                practitionerId.toString(),
                nameBn,
                nameEn,
                role,
                bmdcNumber,
                bmdcExpiresOn,
                specialty,
                departmentId.toString(),
                Arrays.stream(languages).map(Language::valueOf).toList(),
                List.of(qualifications),
                newVisitFee == null ? null : new ConsultationFees(new Money(newVisitFee), new Money(followUpFee)),
                registeredAt,
                updatedAt);
    }

    @Override
    public UUID getId() {
        return practitionerId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
