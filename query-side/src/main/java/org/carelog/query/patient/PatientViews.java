package org.carelog.query.patient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.patient.Sex;
import org.carelog.api.reference.BdGeography;
import org.carelog.api.reference.BdGeography.Place;

/** The GraphQL shapes of the patient directory, made from shared-api results (the chart's patient section too). */
public final class PatientViews {

    private PatientViews() {}

    public record PatientView(
            String id,
            String mrn,
            String nameBn,
            String nameEn,
            String displayName,
            Sex sex,
            LocalDate birthDate,
            boolean birthDateEstimated,
            Integer ageYears,
            BloodGroup bloodGroup,
            String phone,
            String email,
            String nationalId,
            String birthRegistrationNumber,
            AddressView address,
            EmergencyContactView emergencyContact,
            Language preferredLanguage,
            ConsentView consent,
            OffsetDateTime registeredAt,
            OffsetDateTime updatedAt,
            boolean erased) {

        /** What an erased patient is shown as: the record exists, the person is no longer named. */
        static final String ERASED_NAME = "(erased)";

        public static PatientView of(PatientSummary p, LocalDate today, ZoneId zone) {
            BdGeography geo = BdGeography.instance();
            AddressView address = p.divisionCode() == null
                    ? null
                    : new AddressView(
                            geo.find(p.divisionCode()).orElse(null),
                            geo.find(p.districtCode()).orElse(null),
                            geo.find(p.upazilaCode()).orElse(null),
                            p.addressLine());
            EmergencyContactView emergency = p.emergencyContactName() == null
                    ? null
                    : new EmergencyContactView(
                            p.emergencyContactName(), p.emergencyContactRelationship(), p.emergencyContactPhone());
            return new PatientView(
                    p.patientId(),
                    p.mrn(),
                    p.nameBn(),
                    p.nameEn(),
                    p.nameEn() != null ? p.nameEn() : p.nameBn() != null ? p.nameBn() : ERASED_NAME,
                    p.sex(),
                    p.birthDate(),
                    p.birthDateEstimated(),
                    p.birthDate() == null
                            ? null
                            : Period.between(p.birthDate(), today).getYears(),
                    p.bloodGroup(),
                    p.phone(),
                    p.email(),
                    p.nationalId(),
                    p.birthRegistrationNumber(),
                    address,
                    emergency,
                    p.preferredLanguage(),
                    new ConsentView(p.smsConsent(), p.emailConsent()),
                    p.registeredAt().atZone(zone).toOffsetDateTime(),
                    p.updatedAt().atZone(zone).toOffsetDateTime(),
                    p.erased());
        }
    }

    record AddressView(Place division, Place district, Place upazila, String line) {}

    record EmergencyContactView(String name, String relationship, String phone) {}

    record ConsentView(boolean sms, boolean email) {}

    record PatientEdge(String cursor, PatientView node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    record PatientConnection(List<PatientEdge> edges, PageInfo pageInfo) {}
}
