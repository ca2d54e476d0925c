package org.carelog.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.projection.billing.InvoiceView;
import org.junit.jupiter.api.Test;

/** The invoice and receipt PDFs alone, without the application: rendered, then read back with PDFBox. */
class BillingPdfTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final Instant AT = Instant.parse("2026-03-10T04:30:00Z");

    final BillingPdf pdf = new BillingPdf(
            new FacilityProperties(
                    "Padma Demo Hospital",
                    "CLG",
                    DHAKA,
                    "Road 5, Dhanmondi, Dhaka",
                    "+880 2-9661234",
                    "https://carelog.example"),
            Clock.fixed(AT, DHAKA));

    static InvoiceView invoice() {
        return new InvoiceView(
                UUID.randomUUID(),
                "INV-2026-000123",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                InvoiceStatus.ISSUED,
                AT,
                AT,
                List.of(
                        new InvoiceView.Line(
                                "consultation:e",
                                ChargeCategory.CONSULTATION,
                                ConsultationVisit.NEW,
                                "p",
                                "Consultation (new visit)",
                                1,
                                Money.taka(1000),
                                BigDecimal.ZERO,
                                Money.taka(1000),
                                Money.ZERO,
                                Money.taka(1000)),
                        new InvoiceView.Line(
                                "lab-order:o",
                                ChargeCategory.LAB,
                                null,
                                "718-7",
                                "রক্তের হিমোগ্লোবিন (Haemoglobin)",
                                1,
                                Money.taka(124350),
                                BigDecimal.ZERO,
                                Money.taka(124350),
                                Money.ZERO,
                                Money.taka(124350))),
                Money.taka(125350),
                Money.ZERO,
                Money.ZERO,
                null,
                Money.taka(125350),
                Money.ZERO,
                Money.taka(125350),
                Money.ZERO,
                Money.ZERO,
                List.of(new InvoiceView.Entry(
                        UUID.randomUUID(),
                        "PAYMENT",
                        PaymentMethod.BKASH,
                        Money.taka(125350),
                        null,
                        Money.ZERO,
                        "8N7A6S5D",
                        "cashier1",
                        AT,
                        null)),
                List.of(),
                null,
                AT);
    }

    static String text(byte[] bytes) throws Exception {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void printsTheInvoiceWithHeaderLinesTotalsAndTheAmountInWords() throws Exception {
        String text = text(pdf.invoice(
                invoice(), new BillingPdf.Patient("Fatema Begum", "ফাতেমা বেগম", "CLG-00004275"), "Dr. Karim Ahmed"));
        assertThat(text)
                .contains("Padma Demo Hospital")
                .contains("Road 5, Dhanmondi, Dhaka")
                .contains("INVOICE")
                .contains("চালান")
                .contains("INV-2026-000123")
                .contains("Fatema Begum")
                .contains("ফাতেমা বেগম")
                .contains("CLG-00004275")
                .contains("Dr. Karim Ahmed")
                .contains("Consultation (new visit)")
                .contains("হিমোগ্লোবিন")
                .contains("৳ 1,25,350.00")
                .contains("One Lakh Twenty-Five Thousand Three Hundred Fifty Taka Only")
                .contains("এক লক্ষ পঁচিশ হাজার তিন শত পঞ্চাশ টাকা মাত্র")
                .contains("10 Mar 2026, 10:30");
    }

    @Test
    void printsTheReceiptWithEachPaymentAndWhatIsDue() throws Exception {
        String text = text(pdf.receipt(invoice(), new BillingPdf.Patient("Fatema Begum", null, null), null));
        assertThat(text)
                .contains("MONEY RECEIPT")
                .contains("টাকা প্রাপ্তির রসিদ")
                .contains("BKASH")
                .contains("8N7A6S5D")
                .contains("cashier1")
                .contains("৳ 0.00")
                .contains("One Lakh Twenty-Five Thousand Three Hundred Fifty Taka Only");
    }
}
