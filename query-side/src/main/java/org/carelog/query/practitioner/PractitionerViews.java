package org.carelog.query.practitioner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelog.api.common.Money;
import org.carelog.api.patient.Language;
import org.carelog.api.practitioner.ConsultationFees;
import org.carelog.api.practitioner.DepartmentSummary;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.practitioner.ServicePointKind;
import org.carelog.api.practitioner.ServicePointSummary;

/** The GraphQL shapes of the department and practitioner directories, made from shared-api results. */
final class PractitionerViews {

    private PractitionerViews() {}

    record DepartmentView(
            String id, String code, String nameEn, String nameBn, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static DepartmentView of(DepartmentSummary d, ZoneId zone) {
            return new DepartmentView(
                    d.departmentId(),
                    d.code(),
                    d.nameEn(),
                    d.nameBn(),
                    local(d.createdAt(), zone),
                    local(d.updatedAt(), zone));
        }
    }

    record PractitionerView(
            String id,
            String nameBn,
            String nameEn,
            String displayName,
            PractitionerRole role,
            BmdcRegistrationView bmdc,
            String specialty,
            String departmentId,
            List<Language> languages,
            List<String> qualifications,
            ConsultationFeesView fees,
            OffsetDateTime registeredAt,
            OffsetDateTime updatedAt) {

        static PractitionerView of(PractitionerSummary p, LocalDate today, ZoneId zone) {
            return new PractitionerView(
                    p.practitionerId(),
                    p.nameBn(),
                    p.nameEn(),
                    p.nameEn() != null ? p.nameEn() : p.nameBn(),
                    p.role(),
                    p.bmdcNumber() == null
                            ? null
                            : new BmdcRegistrationView(
                                    p.bmdcNumber(), p.bmdcExpiresOn(), today.isAfter(p.bmdcExpiresOn())),
                    p.specialty(),
                    p.departmentId(),
                    p.languages(),
                    p.qualifications(),
                    ConsultationFeesView.of(p.fees()),
                    local(p.registeredAt(), zone),
                    local(p.updatedAt(), zone));
        }
    }

    record ServicePointView(
            String id,
            String departmentId,
            String code,
            String nameEn,
            String nameBn,
            ServicePointKind kind,
            boolean open,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime closedAt) {

        static ServicePointView of(ServicePointSummary s, ZoneId zone) {
            return new ServicePointView(
                    s.servicePointId(),
                    s.departmentId(),
                    s.code(),
                    s.nameEn(),
                    s.nameBn(),
                    s.kind(),
                    s.closedAt() == null,
                    local(s.createdAt(), zone),
                    local(s.updatedAt(), zone),
                    s.closedAt() == null ? null : local(s.closedAt(), zone));
        }
    }

    record BmdcRegistrationView(String number, LocalDate expiresOn, boolean expired) {}

    record ConsultationFeesView(MoneyView newVisit, MoneyView followUp) {

        static ConsultationFeesView of(ConsultationFees fees) {
            return fees == null
                    ? null
                    : new ConsultationFeesView(MoneyView.of(fees.newVisit()), MoneyView.of(fees.followUp()));
        }
    }

    /** Money as an exact decimal string and its currency: GraphQL's Float would lose poisha. */
    record MoneyView(String amount, String currency) {

        static MoneyView of(Money money) {
            return new MoneyView(money.amount().toPlainString(), money.currency());
        }
    }

    private static OffsetDateTime local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime();
    }
}
