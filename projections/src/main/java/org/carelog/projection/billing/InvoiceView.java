package org.carelog.projection.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;

/**
 * One invoice as cashiers, the patient's account and the printed invoice show it: the state {@link InvoiceFold}
 * builds from the invoice's events. Codes, descriptions and reasons are the patient's personal data: null after
 * an erasure; the amounts stay.
 *
 * @param total lines with tax, less the discount
 * @param paid payments, before refunds
 * @param due total less credit notes less payments net of refunds; never below zero (see {@link #refundable})
 */
public record InvoiceView(
        UUID invoiceId,
        String number,
        UUID patientId,
        UUID encounterId,
        UUID practitionerId,
        UUID departmentId,
        InvoiceStatus status,
        Instant generatedAt,
        Instant issuedAt,
        List<Line> lines,
        Money gross,
        Money tax,
        Money discount,
        String discountReason,
        Money total,
        Money credited,
        Money paid,
        Money refunded,
        Money due,
        List<Entry> entries,
        List<CreditNote> creditNotes,
        String voidReason,
        Instant updatedAt) {

    public InvoiceView {
        lines = lines == null ? List.of() : List.copyOf(lines);
        entries = entries == null ? List.of() : List.copyOf(entries);
        creditNotes = creditNotes == null ? List.of() : List.copyOf(creditNotes);
    }

    /** A line: what it was for (personal data) and its amounts, as charged. */
    public record Line(
            String chargeKey,
            ChargeCategory category,
            ConsultationVisit visit,
            String code,
            String description,
            int quantity,
            Money unitPrice,
            BigDecimal taxRate,
            Money net,
            Money tax,
            Money total) {}

    /** A payment (kind PAYMENT) or a refund (kind REFUND). */
    public record Entry(
            UUID id,
            String kind,
            PaymentMethod method,
            Money amount,
            Money tendered,
            Money changeDue,
            String reference,
            String by,
            Instant at,
            String reason) {}

    public record CreditNote(String number, Money amount, String reason, String by, Instant at) {}

    /** Paid above the corrected total: what may be refunded beyond what is due. */
    public Money refundable() {
        return paid.minus(refunded);
    }

    /** As a replay shows it once the patient's key is gone: no codes, descriptions or reasons. */
    public InvoiceView erased() {
        return new InvoiceView(
                invoiceId,
                number,
                patientId,
                encounterId,
                practitionerId,
                departmentId,
                status,
                generatedAt,
                issuedAt,
                lines.stream()
                        .map(l -> new Line(
                                l.chargeKey(),
                                l.category(),
                                l.visit(),
                                null,
                                null,
                                l.quantity(),
                                l.unitPrice(),
                                l.taxRate(),
                                l.net(),
                                l.tax(),
                                l.total()))
                        .toList(),
                gross,
                tax,
                discount,
                null,
                total,
                credited,
                paid,
                refunded,
                due,
                entries.stream()
                        .map(e -> new Entry(
                                e.id(),
                                e.kind(),
                                e.method(),
                                e.amount(),
                                e.tendered(),
                                e.changeDue(),
                                e.reference(),
                                e.by(),
                                e.at(),
                                null))
                        .toList(),
                creditNotes.stream()
                        .map(c -> new CreditNote(c.number(), c.amount(), null, c.by(), c.at()))
                        .toList(),
                null,
                updatedAt);
    }
}
