package org.carelog.projection.patient;

import java.time.Instant;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.CommunicationConsentChanged;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientContactDetailsChanged;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientIdentifiersChanged;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PatientSummary;

/**
 * The directory's rules as a pure fold (state + event → state): what {@code patientChart(asOf:)} shows as the
 * patient at a past instant. Same rules as {@link PatientDirectoryEntry}: a null (erased) personal part leaves
 * the previous value, erasure blanks every personal field. Events of other kinds leave the state as it is.
 */
public final class PatientSummaryFold {

    private PatientSummaryFold() {}

    /** The state after {@code event}, stored at {@code at}; {@code state} is null before registration. */
    public static PatientSummary apply(PatientSummary state, PatientRecordEvent event, Instant at) {
        if (event instanceof PatientRegistered e) {
            if (state != null) {
                return state;
            }
            Builder b = new Builder(
                    e.patientId().toString(), e.mrn().value(), e.mrn().sequence(), at);
            b.demographics(e.demographics());
            b.identifiers(e.identifiers());
            b.contact(e.contact());
            b.consent(e.consent());
            return b.build(at);
        }
        if (state == null) {
            return null;
        }
        Builder b = new Builder(state);
        if (event instanceof PatientDemographicsChanged e) {
            if (e.demographics() == null) {
                return state;
            }
            b.demographics(e.demographics());
        } else if (event instanceof PatientIdentifiersChanged e) {
            if (e.identifiers() == null) {
                return state;
            }
            b.identifiers(e.identifiers());
        } else if (event instanceof PatientContactDetailsChanged e) {
            if (e.contact() == null) {
                return state;
            }
            b.contact(e.contact());
        } else if (event instanceof CommunicationConsentChanged e) {
            b.consent(e.consent());
        } else if (event instanceof PatientErased) {
            b.erase();
        } else {
            return state;
        }
        return b.build(at);
    }

    private static final class Builder {
        String patientId;
        String mrn;
        long mrnSequence;
        String nameBn;
        String nameEn;
        org.carelog.api.patient.Sex sex;
        java.time.LocalDate birthDate;
        boolean birthDateEstimated;
        org.carelog.api.patient.BloodGroup bloodGroup;
        String phone;
        String email;
        String nationalId;
        String birthRegistrationNumber;
        String divisionCode;
        String districtCode;
        String upazilaCode;
        String addressLine;
        String emergencyContactName;
        String emergencyContactRelationship;
        String emergencyContactPhone;
        org.carelog.api.patient.Language preferredLanguage;
        boolean smsConsent;
        boolean emailConsent;
        Instant registeredAt;
        boolean erased;

        Builder(String patientId, String mrn, long mrnSequence, Instant at) {
            this.patientId = patientId;
            this.mrn = mrn;
            this.mrnSequence = mrnSequence;
            this.registeredAt = at;
        }

        Builder(PatientSummary s) {
            patientId = s.patientId();
            mrn = s.mrn();
            mrnSequence = s.mrnSequence();
            nameBn = s.nameBn();
            nameEn = s.nameEn();
            sex = s.sex();
            birthDate = s.birthDate();
            birthDateEstimated = s.birthDateEstimated();
            bloodGroup = s.bloodGroup();
            phone = s.phone();
            email = s.email();
            nationalId = s.nationalId();
            birthRegistrationNumber = s.birthRegistrationNumber();
            divisionCode = s.divisionCode();
            districtCode = s.districtCode();
            upazilaCode = s.upazilaCode();
            addressLine = s.addressLine();
            emergencyContactName = s.emergencyContactName();
            emergencyContactRelationship = s.emergencyContactRelationship();
            emergencyContactPhone = s.emergencyContactPhone();
            preferredLanguage = s.preferredLanguage();
            smsConsent = s.smsConsent();
            emailConsent = s.emailConsent();
            registeredAt = s.registeredAt();
            erased = s.erased();
        }

        void demographics(PatientDemographics d) {
            if (d == null) {
                return;
            }
            nameBn = d.name().bangla();
            nameEn = d.name().latin();
            sex = d.sex();
            birthDate = d.birthDate() == null ? null : d.birthDate().date();
            birthDateEstimated = d.birthDate() != null && d.birthDate().estimated();
            bloodGroup = d.bloodGroup();
        }

        void identifiers(PatientIdentifiers i) {
            if (i == null) {
                return;
            }
            nationalId = i.nationalId() == null ? null : i.nationalId().value();
            birthRegistrationNumber = i.birthRegistrationNumber() == null
                    ? null
                    : i.birthRegistrationNumber().value();
        }

        void contact(PatientContact c) {
            if (c == null) {
                return;
            }
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
        }

        void consent(CommunicationConsent c) {
            smsConsent = c.sms();
            emailConsent = c.email();
        }

        void erase() {
            nameBn = null;
            nameEn = null;
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
        }

        PatientSummary build(Instant updatedAt) {
            return new PatientSummary(
                    patientId,
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
    }
}
