package org.carelog.infra.billing;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.carelog.api.common.Money;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.infra.pdf.PdfFonts;
import org.carelog.projection.billing.InvoiceView;
import org.springframework.stereotype.Component;

/**
 * Prints an invoice and a money receipt as A4 PDFs: the facility's header, the patient, the lines (or payments),
 * totals with the taka sign, and the amount in words in English (lakh, crore) and Bangla. Made as the printed
 * prescription is: OpenPDF with the Noto fonts embedded (subsets), Bangla shaped by OpenPDF's LayoutProcessor
 * through the JDK's text layout.
 */
@Component
class BillingPdf {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    /** Who the invoice is for, as printed: names and MRN (null parts are left out). */
    record Patient(String nameEn, String nameBn, String mrn) {}

    private final FacilityProperties facility;
    private final Clock clock;

    BillingPdf(FacilityProperties facility, Clock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    byte[] invoice(InvoiceView invoice, Patient patient, String practitioner) {
        return write("Invoice " + invoice.number(), (document, fonts) -> {
            header(document, fonts, "INVOICE / চালান", invoice, patient, practitioner);
            PdfPTable lines = new PdfPTable(new float[] {0.5f, 5, 1, 2, 1.6f, 2.2f});
            lines.setWidthPercentage(100);
            for (String title : List.of("#", "Description / বিবরণ", "Qty", "Unit price", "Tax", "Amount")) {
                lines.addCell(fonts.cell(title, 9, true, Element.ALIGN_CENTER));
            }
            int n = 1;
            for (InvoiceView.Line line : invoice.lines()) {
                lines.addCell(fonts.cell(Integer.toString(n++), 9, false, Element.ALIGN_RIGHT));
                String what = line.description() == null ? line.category().name() : line.description();
                lines.addCell(fonts.cell(what, 9, false, Element.ALIGN_LEFT));
                lines.addCell(fonts.cell(Integer.toString(line.quantity()), 9, false, Element.ALIGN_RIGHT));
                lines.addCell(fonts.cell(AmountInWords.figures(line.unitPrice()), 9, false, Element.ALIGN_RIGHT));
                lines.addCell(fonts.cell(AmountInWords.figures(line.tax()), 9, false, Element.ALIGN_RIGHT));
                lines.addCell(fonts.cell(AmountInWords.figures(line.total()), 9, false, Element.ALIGN_RIGHT));
            }
            document.add(lines);
            PdfPTable totals = new PdfPTable(new float[] {6, 2.5f});
            totals.setWidthPercentage(60);
            totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
            totals.setSpacingBefore(6);
            total(totals, fonts, "Gross (incl. tax) / মোট", invoice.gross(), false);
            if (invoice.discount().amount().signum() != 0) {
                total(totals, fonts, "Discount / ছাড়", invoice.discount(), false);
            }
            total(totals, fonts, "Total / সর্বমোট", invoice.total(), true);
            if (invoice.credited().amount().signum() != 0) {
                total(totals, fonts, "Credit notes / ক্রেডিট নোট", invoice.credited(), false);
            }
            total(totals, fonts, "Paid / পরিশোধিত", invoice.paid().minus(invoice.refunded()), false);
            total(totals, fonts, "Due / বকেয়া", invoice.due(), true);
            document.add(totals);
            inWords(document, fonts, invoice.total().minus(invoice.credited()));
            footer(document, fonts, invoice);
        });
    }

    byte[] receipt(InvoiceView invoice, Patient patient, String practitioner) {
        return write("Receipt " + invoice.number(), (document, fonts) -> {
            header(document, fonts, "MONEY RECEIPT / টাকা প্রাপ্তির রসিদ", invoice, patient, practitioner);
            PdfPTable entries = new PdfPTable(new float[] {3, 2.5f, 3, 3, 2.5f});
            entries.setWidthPercentage(100);
            for (String title : List.of("Date / তারিখ", "Method", "Reference", "Received by", "Amount")) {
                entries.addCell(fonts.cell(title, 9, true, Element.ALIGN_CENTER));
            }
            for (InvoiceView.Entry entry : invoice.entries()) {
                boolean refund = "REFUND".equals(entry.kind());
                entries.addCell(fonts.cell(at(entry.at()), 9, false, Element.ALIGN_LEFT));
                entries.addCell(fonts.cell(
                        entry.method().name() + (refund ? " (refund / ফেরত)" : ""), 9, false, Element.ALIGN_LEFT));
                entries.addCell(
                        fonts.cell(entry.reference() == null ? "" : entry.reference(), 9, false, Element.ALIGN_LEFT));
                entries.addCell(fonts.cell(entry.by(), 9, false, Element.ALIGN_LEFT));
                Money amount = refund ? Money.ZERO.minus(entry.amount()) : entry.amount();
                entries.addCell(fonts.cell(AmountInWords.figures(amount), 9, false, Element.ALIGN_RIGHT));
            }
            document.add(entries);
            PdfPTable totals = new PdfPTable(new float[] {6, 2.5f});
            totals.setWidthPercentage(60);
            totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
            totals.setSpacingBefore(6);
            Money received = invoice.paid().minus(invoice.refunded());
            total(totals, fonts, "Invoice total / সর্বমোট", invoice.total().minus(invoice.credited()), false);
            total(totals, fonts, "Received / গৃহীত", received, true);
            total(totals, fonts, "Due / বকেয়া", invoice.due(), true);
            document.add(totals);
            inWords(document, fonts, received);
            footer(document, fonts, invoice);
        });
    }

    private interface Body {
        void write(Document document, PdfFonts fonts) throws DocumentException;
    }

    private byte[] write(String title, Body body) {
        try {
            PdfFonts fonts = new PdfFonts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 40, 40, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("Carelog");
            document.open();
            body.write(document, fonts);
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("billing PDF could not be written", e);
        }
    }

    private void header(
            Document document, PdfFonts fonts, String title, InvoiceView invoice, Patient patient, String practitioner)
            throws DocumentException {
        Paragraph header = fonts.paragraph();
        header.setAlignment(Element.ALIGN_CENTER);
        header.add(fonts.text(facility.name(), 16, true));
        header.add(fonts.newline());
        header.add(fonts.text(join(facility.address(), facility.phone()), 9, false));
        document.add(header);
        document.add(fonts.rule());
        Paragraph heading = fonts.paragraph();
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.add(fonts.text(title, 13, true));
        document.add(heading);
        Paragraph who = fonts.paragraph();
        who.setSpacingBefore(6);
        who.add(fonts.text("Invoice No. " + invoice.number(), 10, true));
        who.add(fonts.text(
                "    Date: " + at(invoice.issuedAt() != null ? invoice.issuedAt() : invoice.generatedAt())
                        + "    Status: " + invoice.status(),
                10,
                false));
        who.add(fonts.newline());
        who.add(fonts.text(
                "Patient / রোগী: "
                        + (patient == null ? "" : join(patient.nameEn(), patient.nameBn()))
                        + (patient == null || patient.mrn() == null ? "" : "    MRN: " + patient.mrn()),
                10,
                false));
        if (practitioner != null) {
            who.add(fonts.newline());
            who.add(fonts.text("Consultant / চিকিৎসক: " + practitioner, 10, false));
        }
        who.setSpacingAfter(8);
        document.add(who);
    }

    private static void total(PdfPTable totals, PdfFonts fonts, String label, Money amount, boolean bold) {
        totals.addCell(fonts.cell(label, 10, bold, Element.ALIGN_LEFT));
        totals.addCell(fonts.cell(AmountInWords.figures(amount), 10, bold, Element.ALIGN_RIGHT));
    }

    private static void inWords(Document document, PdfFonts fonts, Money amount) throws DocumentException {
        Paragraph words = fonts.paragraph();
        words.setSpacingBefore(10);
        words.add(fonts.text("In words: " + AmountInWords.english(amount), 10, false));
        words.add(fonts.newline());
        words.add(fonts.text("কথায়: " + AmountInWords.bangla(amount), 10, false));
        document.add(words);
    }

    private void footer(Document document, PdfFonts fonts, InvoiceView invoice) throws DocumentException {
        Paragraph footer = fonts.paragraph();
        footer.setSpacingBefore(16);
        footer.add(fonts.text(
                "Printed by Carelog on " + at(clock.instant()) + ". Amounts in Bangladeshi taka (৳)."
                        + (invoice.status().name().equals("VOID") ? " VOID — nothing is due." : ""),
                7,
                false));
        document.add(footer);
    }

    private String at(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (s.length() > 0) {
                    s.append(" · ");
                }
                s.append(p);
            }
        }
        return s.toString();
    }
}
