package org.carelog.projection.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.NameMatching;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.patient.Sex;
import org.springframework.data.domain.Persistable;

/** One row of the patient directory: what registration desks search and show. */
@Entity
@Table(name = "patient_directory")
public class PatientDirectoryEntry implements Persistable<UUID> {

    @Id
    private UUID patientId;

    private String mrn;
    private long mrnSequence;
    private String nameBn;
    private String nameEn;

    /** Lower-case names plus romanised Bangla; trigram-indexed for partial search in either script. */
    private String searchKey;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    private LocalDate birthDate;
    private boolean birthDateEstimated;

    @Enumerated(EnumType.STRING)
    private BloodGroup bloodGroup;

    private String phone;
    private String email;
    private String nationalId;
    private String birthRegistrationNumber;
    private String divisionCode;
    private String districtCode;
    private String upazilaCode;
    private String addressLine;
    private String emergencyContactName;
    private String emergencyContactRelationship;
    private String emergencyContactPhone;

    @Enumerated(EnumType.STRING)
    private Language preferredLanguage;

    private boolean smsConsent;
    private boolean emailConsent;

    @Column(updatable = false)
    private Instant registeredAt;

    private Instant updatedAt;

    /** The patient's personal data was erased: every personal column is null, for good. */
    private boolean erased;

    @Transient
    private boolean fresh;

    protected PatientDirectoryEntry() {}

    static PatientDirectoryEntry registered(UUID patientId, String mrn, long mrnSequence, Instant at) {
        PatientDirectoryEntry entry = new PatientDirectoryEntry();
        entry.patientId = patientId;
        entry.mrn = mrn;
        entry.mrnSequence = mrnSequence;
        entry.registeredAt = at;
        entry.updatedAt = at;
        entry.searchKey = "";
        entry.fresh = true;
        return entry;
    }

    void demographics(PatientDemographics d, Instant at) {
        nameBn = d.name().bangla();
        nameEn = d.name().latin();
        searchKey = NameMatching.searchKey(d.name());
        sex = d.sex();
        birthDate = d.birthDate() == null ? null : d.birthDate().date();
        birthDateEstimated = d.birthDate() != null && d.birthDate().estimated();
        bloodGroup = d.bloodGroup();
        updatedAt = at;
    }

    void identifiers(PatientIdentifiers i, Instant at) {
        nationalId = i.nationalId() == null ? null : i.nationalId().value();
        birthRegistrationNumber = i.birthRegistrationNumber() == null
                ? null
                : i.birthRegistrationNumber().value();
        updatedAt = at;
    }

    void contact(PatientContact c, Instant at) {
        phone = c.phone() == null ? null : c.phone().e164();
        email = c.email() == null ? null : c.email().value();
        divisionCode = c.address() == null ? null : c.address().divisionCode();
        districtCode = c.address() == null ? null : c.address().districtCode();
        upazilaCode = c.address() == null ? null : c.address().upazilaCode();
        addressLine = c.address() == null ? null : c.address().line();
        emergencyContactName =
                c.emergencyContact() == null ? null : c.emergencyContact().name();
        emergencyContactRelationship =
                c.emergencyContact() == null ? null : c.emergencyContact().relationship();
        emergencyContactPhone = c.emergencyContact() == null
                ? null
                : c.emergencyContact().phone().e164();
        preferredLanguage = c.preferredLanguage();
        updatedAt = at;
    }

    void consent(CommunicationConsent c, Instant at) {
        smsConsent = c.sms();
        emailConsent = c.email();
        updatedAt = at;
    }

    /** Drops every personal column; what stays is the MRN, dates and consent flags. */
    void erase(Instant at) {
        nameBn = null;
        nameEn = null;
        searchKey = "";
        sex = null;
        birthDate = null;
        birthDateEstimated = false;
        bloodGroup = null;
        nationalId = null;
        birthRegistrationNumber = null;
        phone = null;
        email = null;
        divisionCode = null;
        districtCode = null;
        upazilaCode = null;
        addressLine = null;
        emergencyContactName = null;
        emergencyContactRelationship = null;
        emergencyContactPhone = null;
        preferredLanguage = null;
        erased = true;
        updatedAt = at;
    }

    public PatientSummary toSummary() {
        return new PatientSummary(
                patientId.toString(),
                mrn,
                mrnSequence,
                nameBn,
                nameEn,
                sex,
                birthDate,
                birthDateEstimated,
                bloodGroup,
                phone,
                email,
                nationalId,
                birthRegistrationNumber,
                divisionCode,
                districtCode,
                upazilaCode,
                addressLine,
                emergencyContactName,
                emergencyContactRelationship,
                emergencyContactPhone,
                preferredLanguage,
                smsConsent,
                emailConsent,
                registeredAt,
                updatedAt,
                erased);
    }

    @Override
    public UUID getId() {
        return patientId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
