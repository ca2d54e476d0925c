package org.carelog.infra.reporting;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Money;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the billing events into the finance reports (V27), reading them as billing's own projection
 * ({@code InvoiceFold}) does: an invoice's total is its lines less its (latest) discount; it counts as invoiced
 * once issued and not void; payments (from a deposit too) less refunds are collected; a deposit received is
 * money in, not revenue. Every row's key comes from its event (invoice and charge key, payment, refund and deposit
 * ids, the discount event's id, the credit note's number), so a redelivered event changes nothing and a rebuild
 * writes the same rows; times are the events' (to the millisecond), days local. Who gave a discount is the sender
 * in the event's metadata. One segment: an erasure is handled after the patient's earlier invoice events.
 */
@Component
@ReadModelTables({"report_finance_invoice", "report_finance_line", "report_finance_discount", "report_finance_entry"})
@ProcessingGroup(FinanceReportProjector.PROCESSING_GROUP)
class FinanceReportProjector {

    static final String PROCESSING_GROUP = "finance-reports";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    FinanceReportProjector(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @EventHandler
    void on(InvoiceGenerated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Money gross = Money.ZERO;
        for (InvoiceCharge charge : event.charges()) {
            gross = gross.plus(charge.total());
        }
        UUID invoice = event.invoiceId().value();
        int inserted = jdbc.update(
                "insert into report_finance_invoice (invoice_id, number, patient_id, department_id, practitioner_id,"
                        + " counter_sale, generated_day, gross, total, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 'DRAFT') on conflict do nothing",
                invoice,
                event.number(),
                event.patientId().value(),
                event.departmentId() == null ? null : event.departmentId().value(),
                event.practitionerId() == null ? null : event.practitionerId().value(),
                event.encounterId() == null,
                day(at),
                gross.amount(),
                gross.amount());
        if (inserted == 0) {
            return;
        }
        jdbc.batchUpdate(
                "insert into report_finance_line (invoice_id, charge_key, category, code, quantity, net, tax, total)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.charges().stream()
                        .map(c -> new Object[] {
                            invoice,
                            c.chargeKey(),
                            c.category().name(),
                            codeOf(event, c.chargeKey()),
                            c.quantity(),
                            c.net().amount(),
                            c.tax().amount(),
                            c.total().amount()
                        })
                        .toList());
    }

    @EventHandler
    void on(
            InvoiceDiscounted event,
            @MessageIdentifier String eventId,
            @SequenceNumber Long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        UUID invoice = event.invoiceId().value();
        jdbc.update(
                "insert into report_finance_discount (event_id, invoice_id, sequence, day, at, given_by, role,"
                        + " approved_by, percent, amount, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                eventId,
                invoice,
                sequence,
                day(at),
                Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS)),
                username,
                role,
                event.approvedBy(),
                event.percent(),
                event.amount().amount(),
                event.reason() == null
                        ? null
                        : FinanceFigures.clip(event.reason().strip(), 500));
        // The invoice's discount replaces any earlier one.
        jdbc.update(
                "update report_finance_discount set superseded = true where invoice_id = ? and sequence < ?",
                invoice,
                sequence);
        jdbc.update(
                "update report_finance_invoice set total = gross - ? where invoice_id = ?",
                event.amount().amount(),
                invoice);
    }

    @EventHandler
    void on(InvoiceIssued event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update report_finance_invoice set status = 'ISSUED', day = ?, total = ? where invoice_id = ?"
                        + " and status = 'DRAFT'",
                day(at),
                event.total().amount(),
                event.invoiceId().value());
    }

    @EventHandler
    void on(InvoiceVoided event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update report_finance_invoice set status = 'VOID', voided_day = ? where invoice_id = ?"
                        + " and status <> 'VOID'",
                day(at),
                event.invoiceId().value());
    }

    @EventHandler
    void on(
            CreditNoteIssued event,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username) {
        entry(
                UUID.nameUUIDFromBytes(("credit-note:" + event.number()).getBytes(StandardCharsets.UTF_8)),
                "CREDIT",
                event.invoiceId().value(),
                null,
                event.amount(),
                at,
                username,
                null);
    }

    @EventHandler
    void on(PaymentRecorded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        // The day the money moved (a gateway's own time for an online payment), as billing's cash book has it.
        entry(
                event.paymentId(),
                "PAYMENT",
                event.invoiceId().value(),
                event.method().name(),
                event.amount(),
                event.paidAt() == null ? at : event.paidAt(),
                event.cashier(),
                FinanceFigures.maskReference(event.reference()));
    }

    @EventHandler
    void on(
            PaymentRefunded event,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username) {
        entry(
                event.refundId(),
                "REFUND",
                event.invoiceId().value(),
                event.method().name(),
                event.amount(),
                at,
                username,
                null);
    }

    @EventHandler
    void on(DepositReceived event, @org.axonframework.eventhandling.Timestamp Instant at) {
        entry(
                event.depositId(),
                "DEPOSIT",
                null,
                event.method().name(),
                event.amount(),
                event.receivedAt() == null ? at : event.receivedAt(),
                event.cashier(),
                FinanceFigures.maskReference(event.reference()));
    }

    @EventHandler
    void on(PatientErased event) {
        FinanceReportErasure.scrub(jdbc, event.patientId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_finance_invoice, report_finance_line, report_finance_discount,"
                + " report_finance_entry");
    }

    private void entry(
            UUID id, String kind, UUID invoice, String method, Money amount, Instant at, String by, String reference) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        jdbc.update(
                "insert into report_finance_entry (entry_id, kind, invoice_id, method, amount, day, at, by_user,"
                        + " reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                id,
                kind,
                invoice,
                method,
                amount.amount(),
                day(millis),
                Timestamp.from(millis),
                by,
                reference);
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The line's service code; null when the details are gone (erased patient). */
    private static String codeOf(InvoiceGenerated event, String chargeKey) {
        if (event.details() == null) {
            return null;
        }
        for (ChargeDetail detail : event.details()) {
            if (detail != null && chargeKey.equals(detail.chargeKey())) {
                return detail.code() == null ? null : FinanceFigures.clip(detail.code(), 100);
            }
        }
        return null;
    }
}
