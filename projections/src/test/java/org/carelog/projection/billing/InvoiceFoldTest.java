package org.carelog.projection.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;
import org.junit.jupiter.api.Test;

class InvoiceFoldTest {

    static final Instant AT = Instant.parse("2026-03-10T04:00:00Z");
    static final PatientId RAHIM = PatientId.random();
    static final InvoiceId INVOICE = InvoiceId.random();
    static final UUID PAYMENT = UUID.randomUUID();

    static InvoiceGenerated generated(List<ChargeDetail> details) {
        return new InvoiceGenerated(
                RAHIM,
                INVOICE,
                "INV-2026-000001",
                null,
                null,
                null,
                null,
                AT,
                List.of(
                        InvoiceCharge.priced(
                                "counter:1",
                                ChargeCategory.CONSULTATION,
                                ConsultationVisit.NEW,
                                1,
                                Money.taka(1000),
                                BigDecimal.ZERO),
                        InvoiceCharge.priced(
                                "counter:2", ChargeCategory.PHARMACY, null, 2, Money.taka("100"), new BigDecimal("5"))),
                details);
    }

    static InvoiceView fold(List<Object> events) {
        InvoiceView view = null;
        for (Object e : events) {
            view = InvoiceFold.apply(view, (org.carelog.api.billing.InvoiceEvent) e, AT, "cashier1");
        }
        return view;
    }

    @Test
    void foldsLinesDiscountPaymentsRefundsAndCreditNotesIntoWhatIsDue() {
        InvoiceView view = fold(List.of(
                generated(List.of(
                        new ChargeDetail("counter:1", "p", "Consultation"),
                        new ChargeDetail("counter:2", "PARA", "Paracetamol"))),
                new InvoiceDiscounted(RAHIM, INVOICE, null, Money.taka(10), "staff", null),
                new InvoiceIssued(RAHIM, INVOICE, Money.taka(1200)),
                new PaymentRecorded(
                        RAHIM,
                        INVOICE,
                        PAYMENT,
                        PaymentMethod.CASH,
                        Money.taka(1000),
                        Money.taka(1000),
                        Money.ZERO,
                        null,
                        "cashier1",
                        AT),
                new CreditNoteIssued(RAHIM, INVOICE, "INV-2026-000001-CN1", Money.taka(100), "x", "manager"),
                new PaymentRefunded(RAHIM, INVOICE, UUID.randomUUID(), PaymentMethod.CASH, Money.taka(50), "y", "m")));
        assertThat(view.gross()).isEqualTo(Money.taka(1210));
        assertThat(view.tax()).isEqualTo(Money.taka(10));
        assertThat(view.total()).isEqualTo(Money.taka(1200));
        assertThat(view.status()).isEqualTo(InvoiceStatus.ISSUED);
        // 1200 - 100 credited - (1000 paid - 50 refunded)
        assertThat(view.due()).isEqualTo(Money.taka(150));
        assertThat(view.entries()).extracting(InvoiceView.Entry::kind).containsExactly("PAYMENT", "REFUND");
        assertThat(view.lines().get(1).description()).isEqualTo("Paracetamol");
    }

    @Test
    void aRedeliveredPaymentIsFoldedOnce() {
        PaymentRecorded payment = new PaymentRecorded(
                RAHIM, INVOICE, PAYMENT, PaymentMethod.BKASH, Money.taka(100), null, Money.ZERO, "TX", "c", AT);
        InvoiceView once = fold(List.of(generated(List.of()), payment));
        assertThat(InvoiceFold.apply(once, payment, AT, "c")).isEqualTo(once);
    }

    @Test
    void anErasedPatientsInvoiceKeepsItsAmountsOnly() {
        InvoiceView live = fold(List.of(
                generated(List.of(
                        new ChargeDetail("counter:1", "p", "Consultation"),
                        new ChargeDetail("counter:2", "PARA", "Paracetamol"))),
                new InvoiceVoided(RAHIM, INVOICE, "wrong patient", "manager")));
        InvoiceView replayedAfterErasure = fold(List.of(generated(null), new InvoiceVoided(RAHIM, INVOICE, null, "m")));
        assertThat(live.erased().lines()).isEqualTo(replayedAfterErasure.lines());
        assertThat(live.erased().due()).isEqualTo(Money.ZERO);
        assertThat(live.erased().voidReason()).isNull();
        assertThat(replayedAfterErasure.total()).isEqualTo(live.total());
    }
}
