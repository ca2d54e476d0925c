package org.carelog.infra.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.Money;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Billing's command-side tables (V20__billing.sql), read and written in the command's or events' transaction. */
@Component
class JdbcBillingRegistry implements BillingRegistry {

    private final JdbcTemplate jdbc;

    JdbcBillingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Price> priceAt(PriceKey key, Instant at) {
        return jdbc
                .query(
                        "select name, amount from billing_price where price_key = ? and effective_from <= ?"
                                + " order by effective_from desc limit 1",
                        (rs, n) -> new Price(rs.getString(1), new Money(rs.getBigDecimal(2))),
                        key.toString(),
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<ConsultationFees> consultationFeesAt(PractitionerId practitioner, Instant at) {
        return jdbc
                .query(
                        "select amount, follow_up_amount, follow_up_days, free_revisit_days from billing_price"
                                + " where price_key = ? and effective_from <= ? order by effective_from desc limit 1",
                        (rs, n) -> new ConsultationFees(
                                new Money(rs.getBigDecimal(1)),
                                new Money(rs.getBigDecimal(2)),
                                rs.getInt(3),
                                rs.getInt(4)),
                        new PriceKey(ChargeCategory.CONSULTATION, practitioner.toString()).toString(),
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Instant> lastChargedConsultation(PatientId patient, PractitionerId practitioner) {
        return jdbc
                .query(
                        "select charged_at from billing_consultation where patient_id = ? and practitioner_id = ?"
                                + " order by charged_at desc limit 1",
                        (rs, n) -> rs.getTimestamp(1).toInstant(),
                        patient.value(),
                        practitioner.value())
                .stream()
                .findFirst();
    }

    @Override
    public String allocateInvoiceNumber(String prefix, int year) {
        Long number = jdbc.queryForObject(
                "insert into billing_invoice_sequence (prefix, year, last_number) values (?, ?, 1)"
                        + " on conflict (prefix, year) do update set last_number = billing_invoice_sequence.last_number + 1"
                        + " returning last_number",
                Long.class,
                prefix,
                year);
        return String.format("%s-%d-%06d", prefix, year, number);
    }

    @Override
    public Optional<PaymentReference> paymentWithReference(PaymentMethod method, String reference) {
        return jdbc
                .query(
                        "select invoice_id, payment_id from billing_payment_reference where method = ? and reference = ?",
                        (rs, n) -> new PaymentReference(
                                rs.getObject(1) == null ? null : new InvoiceId(rs.getObject(1, UUID.class)),
                                rs.getObject(2, UUID.class)),
                        method.name(),
                        reference)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<EncounterCharges> encounterCharges(EncounterId encounter) {
        List<EncounterOrder> orders = jdbc.query(
                "select order_id, kind, code, name from billing_encounter_order"
                        + " where encounter_id = ? and not cancelled order by order_id",
                (rs, n) -> new EncounterOrder(
                        rs.getObject(1, UUID.class),
                        LabOrderKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4)),
                encounter.value());
        return jdbc
                .query(
                        "select e.patient_id, e.practitioner_id, p.department_id, e.appointment_id"
                                + " from billing_encounter e left join scheduling_practitioner p"
                                + " on p.practitioner_id = e.practitioner_id where e.encounter_id = ?",
                        (rs, n) -> new EncounterCharges(
                                new PatientId(rs.getObject(1, UUID.class)),
                                new PractitionerId(rs.getObject(2, UUID.class)),
                                rs.getObject(3) == null ? null : new DepartmentId(rs.getObject(3, UUID.class)),
                                rs.getObject(4, UUID.class),
                                orders),
                        encounter.value())
                .stream()
                .findFirst();
    }

    @Override
    public void recordPrice(PriceKey key, String name, Money amount, Instant effectiveFrom) {
        jdbc.update(
                "insert into billing_price (price_key, effective_from, name, amount) values (?, ?, ?, ?)"
                        + " on conflict (price_key, effective_from) do update set name = excluded.name,"
                        + " amount = excluded.amount",
                key.toString(),
                Timestamp.from(effectiveFrom),
                name,
                amount.amount());
    }

    @Override
    public void recordConsultationFees(PriceKey key, ConsultationFees fees, Instant effectiveFrom) {
        jdbc.update(
                "insert into billing_price (price_key, effective_from, name, amount, follow_up_amount, follow_up_days,"
                        + " free_revisit_days) values (?, ?, 'Consultation', ?, ?, ?, ?)"
                        + " on conflict (price_key, effective_from) do update set amount = excluded.amount,"
                        + " follow_up_amount = excluded.follow_up_amount, follow_up_days = excluded.follow_up_days,"
                        + " free_revisit_days = excluded.free_revisit_days",
                key.toString(),
                Timestamp.from(effectiveFrom),
                fees.newVisit().amount(),
                fees.followUp().amount(),
                fees.followUpDays(),
                fees.freeRevisitDays());
    }

    @Override
    public void recordEncounter(
            EncounterId encounter, PatientId patient, PractitionerId attending, UUID appointmentId) {
        jdbc.update(
                "insert into billing_encounter (encounter_id, patient_id, practitioner_id, appointment_id)"
                        + " values (?, ?, ?, ?) on conflict (encounter_id) do nothing",
                encounter.value(),
                patient.value(),
                attending.value(),
                appointmentId);
    }

    @Override
    public void recordOrder(EncounterId encounter, UUID orderId, LabOrderKind kind, String code, String name) {
        jdbc.update(
                "insert into billing_encounter_order (order_id, encounter_id, patient_id, kind, code, name)"
                        + " select ?, ?, (select patient_id from billing_encounter where encounter_id = ?), ?, ?, ?"
                        + " on conflict (order_id) do nothing",
                orderId,
                encounter.value(),
                encounter.value(),
                kind.name(),
                code,
                name);
    }

    @Override
    public void cancelOrder(UUID orderId) {
        jdbc.update("update billing_encounter_order set cancelled = true where order_id = ?", orderId);
    }

    @Override
    public void recordChargedConsultation(
            InvoiceId invoice, PatientId patient, PractitionerId practitioner, Instant at) {
        jdbc.update(
                "insert into billing_consultation (invoice_id, patient_id, practitioner_id, charged_at)"
                        + " values (?, ?, ?, ?) on conflict (invoice_id) do nothing",
                invoice.value(),
                patient.value(),
                practitioner.value(),
                Timestamp.from(at));
    }

    @Override
    public void forgetConsultations(InvoiceId invoice) {
        jdbc.update("delete from billing_consultation where invoice_id = ?", invoice.value());
    }

    @Override
    public void recordPaymentReference(PaymentMethod method, String reference, InvoiceId invoice, UUID paymentId) {
        jdbc.update(
                "insert into billing_payment_reference (method, reference, invoice_id, payment_id) values (?, ?, ?, ?)",
                method.name(),
                reference,
                invoice == null ? null : invoice.value(),
                paymentId);
    }

    @Override
    public void erase(PatientId patient) {
        jdbc.update(
                "update billing_encounter_order set code = null, name = null where patient_id = ?", patient.value());
    }
}
