package org.carelog.projection.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceEvent;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.common.Money;

/**
 * The pure rule from an invoice's events to its {@link InvoiceView}: the projector and any as-of reading fold
 * the same way. The same amounts as the Invoice aggregate decides with.
 */
public final class InvoiceFold {

    private InvoiceFold() {}

    /**
     * The invoice after {@code event}, handled at {@code at} as sent by {@code username}. An event of an
     * invoice not generated yet (it cannot happen in one store) leaves it as it was.
     */
    public static InvoiceView apply(InvoiceView current, InvoiceEvent event, Instant at, String username) {
        if (event instanceof InvoiceGenerated generated) {
            return generated(generated, at);
        }
        if (current == null) {
            return null;
        }
        InvoiceView v = current;
        if (event instanceof InvoiceDiscounted discounted) {
            return amounts(
                    v,
                    v.status(),
                    v.issuedAt(),
                    discounted.amount(),
                    discounted.reason(),
                    v.credited(),
                    v.paid(),
                    v.refunded(),
                    v.entries(),
                    v.creditNotes(),
                    v.voidReason(),
                    at);
        }
        if (event instanceof InvoiceIssued) {
            return amounts(
                    v,
                    InvoiceStatus.ISSUED,
                    at,
                    v.discount(),
                    v.discountReason(),
                    v.credited(),
                    v.paid(),
                    v.refunded(),
                    v.entries(),
                    v.creditNotes(),
                    v.voidReason(),
                    at);
        }
        if (event instanceof PaymentRecorded payment) {
            if (v.entries().stream().anyMatch(e -> e.id().equals(payment.paymentId()))) {
                return v;
            }
            List<InvoiceView.Entry> entries = new ArrayList<>(v.entries());
            entries.add(new InvoiceView.Entry(
                    payment.paymentId(),
                    "PAYMENT",
                    payment.method(),
                    payment.amount(),
                    payment.tendered(),
                    payment.changeDue(),
                    payment.reference(),
                    payment.cashier(),
                    payment.paidAt(),
                    null));
            return amounts(
                    v,
                    v.status(),
                    v.issuedAt(),
                    v.discount(),
                    v.discountReason(),
                    v.credited(),
                    v.paid().plus(payment.amount()),
                    v.refunded(),
                    entries,
                    v.creditNotes(),
                    v.voidReason(),
                    at);
        }
        if (event instanceof PaymentRefunded refund) {
            if (v.entries().stream().anyMatch(e -> e.id().equals(refund.refundId()))) {
                return v;
            }
            List<InvoiceView.Entry> entries = new ArrayList<>(v.entries());
            entries.add(new InvoiceView.Entry(
                    refund.refundId(),
                    "REFUND",
                    refund.method(),
                    refund.amount(),
                    null,
                    null,
                    null,
                    username,
                    at,
                    refund.reason()));
            return amounts(
                    v,
                    v.status(),
                    v.issuedAt(),
                    v.discount(),
                    v.discountReason(),
                    v.credited(),
                    v.paid(),
                    v.refunded().plus(refund.amount()),
                    entries,
                    v.creditNotes(),
                    v.voidReason(),
                    at);
        }
        if (event instanceof CreditNoteIssued credit) {
            if (v.creditNotes().stream().anyMatch(c -> c.number().equals(credit.number()))) {
                return v;
            }
            List<InvoiceView.CreditNote> notes = new ArrayList<>(v.creditNotes());
            notes.add(new InvoiceView.CreditNote(credit.number(), credit.amount(), credit.reason(), username, at));
            return amounts(
                    v,
                    v.status(),
                    v.issuedAt(),
                    v.discount(),
                    v.discountReason(),
                    v.credited().plus(credit.amount()),
                    v.paid(),
                    v.refunded(),
                    v.entries(),
                    notes,
                    v.voidReason(),
                    at);
        }
        if (event instanceof InvoiceVoided voided) {
            return amounts(
                    v,
                    InvoiceStatus.VOID,
                    v.issuedAt(),
                    v.discount(),
                    v.discountReason(),
                    v.credited(),
                    v.paid(),
                    v.refunded(),
                    v.entries(),
                    v.creditNotes(),
                    voided.reason(),
                    at);
        }
        return v;
    }

    private static InvoiceView generated(InvoiceGenerated event, Instant at) {
        List<InvoiceView.Line> lines = new ArrayList<>();
        Money gross = Money.ZERO;
        Money tax = Money.ZERO;
        for (int i = 0; i < event.charges().size(); i++) {
            InvoiceCharge charge = event.charges().get(i);
            ChargeDetail detail = detailOf(event.details(), charge.chargeKey());
            lines.add(new InvoiceView.Line(
                    charge.chargeKey(),
                    charge.category(),
                    charge.visit(),
                    detail == null ? null : detail.code(),
                    detail == null ? null : detail.description(),
                    charge.quantity(),
                    charge.unitPrice(),
                    charge.taxRate(),
                    charge.net(),
                    charge.tax(),
                    charge.total()));
            gross = gross.plus(charge.total());
            tax = tax.plus(charge.tax());
        }
        InvoiceView draft = new InvoiceView(
                event.invoiceId().value(),
                event.number(),
                event.patientId().value(),
                event.encounterId() == null ? null : event.encounterId().value(),
                event.practitionerId() == null ? null : event.practitionerId().value(),
                event.departmentId() == null ? null : event.departmentId().value(),
                InvoiceStatus.DRAFT,
                at,
                null,
                lines,
                gross,
                tax,
                Money.ZERO,
                null,
                gross,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                gross,
                List.of(),
                List.of(),
                null,
                at);
        return draft;
    }

    /** What the charge was for, by its key; null after an erasure (the details were personal data). */
    private static ChargeDetail detailOf(List<ChargeDetail> details, String chargeKey) {
        if (details == null) {
            return null;
        }
        for (ChargeDetail detail : details) {
            if (detail != null && chargeKey.equals(detail.chargeKey())) {
                return detail;
            }
        }
        return null;
    }

    /** The view with these amounts, its total and what is due computed as the aggregate computes them. */
    private static InvoiceView amounts(
            InvoiceView v,
            InvoiceStatus status,
            Instant issuedAt,
            Money discount,
            String discountReason,
            Money credited,
            Money paid,
            Money refunded,
            List<InvoiceView.Entry> entries,
            List<InvoiceView.CreditNote> creditNotes,
            String voidReason,
            Instant at) {
        Money total = v.gross().minus(discount);
        Money due = status == InvoiceStatus.VOID
                ? Money.ZERO
                : total.minus(credited).minus(paid.minus(refunded));
        return new InvoiceView(
                v.invoiceId(),
                v.number(),
                v.patientId(),
                v.encounterId(),
                v.practitionerId(),
                v.departmentId(),
                status,
                v.generatedAt(),
                issuedAt,
                v.lines(),
                v.gross(),
                v.tax(),
                discount,
                discountReason,
                total,
                credited,
                paid,
                refunded,
                due.negative() ? Money.ZERO : due,
                entries,
                creditNotes,
                voidReason,
                at);
    }
}
