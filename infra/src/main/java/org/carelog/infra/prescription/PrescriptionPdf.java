package org.carelog.infra.prescription;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.prescription.CourseDuration;
import org.carelog.api.prescription.MealTiming;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.infra.pdf.PdfFonts;
import org.springframework.stereotype.Component;

/**
 * Prints a signed prescription as a one-page A4 PDF: the facility's header, the doctor (name, qualifications,
 * BMDC number), the patient (name, MRN, age, sex), the medicines in the 1+0+1 notation, advice and follow-up,
 * and a QR code of the verification link. Bangla is shaped (conjuncts, vowel signs) by OpenPDF's
 * LayoutProcessor, which lays text out with the JDK's own text layout; the Noto fonts are embedded (subsets).
 */
@Component
class PrescriptionPdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final FacilityProperties facility;
    private final Clock clock;

    PrescriptionPdf(FacilityProperties facility, Clock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    byte[] render(PrescriptionSummary rx, PatientSummary patient, PractitionerSummary doctor, String verificationUrl) {
        try {
            PdfFonts fonts = new PdfFonts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 40, 40, 36, 36);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Prescription " + rx.prescriptionId());
            document.addCreator("Carelog");
            document.open();

            Paragraph header = fonts.paragraph();
            header.setAlignment(Element.ALIGN_CENTER);
            header.add(fonts.text(facility.name(), 16, true));
            header.add(fonts.newline());
            header.add(fonts.text(join(facility.address(), facility.phone()), 9, false));
            document.add(header);
            document.add(fonts.rule());

            PdfPTable top = new PdfPTable(new float[] {3, 2});
            top.setWidthPercentage(100);
            Paragraph who = fonts.paragraph();
            who.add(fonts.text(doctorName(doctor), 12, true));
            who.add(fonts.newline());
            if (doctor != null
                    && doctor.qualifications() != null
                    && !doctor.qualifications().isEmpty()) {
                who.add(fonts.text(String.join(", ", doctor.qualifications()), 9, false));
                who.add(fonts.newline());
            }
            if (doctor != null && doctor.specialty() != null) {
                who.add(fonts.text(doctor.specialty(), 9, false));
                who.add(fonts.newline());
            }
            who.add(fonts.text("BMDC Reg. No. " + rx.bmdcNumber(), 9, true));
            top.addCell(cell(who));
            PdfPCell qr = new PdfPCell(fonts.text("", 10, false));
            qr.setBorder(0);
            qr.setFixedHeight(80);
            top.addCell(qr);
            document.add(top);
            document.add(fonts.rule());

            Paragraph patientLine = fonts.paragraph();
            patientLine.add(fonts.text("Patient: " + patientName(patient), 10, true));
            patientLine.add(fonts.text(
                    "    MRN: " + (patient == null ? "" : patient.mrn())
                            + "    Age: " + age(patient)
                            + "    Sex: "
                            + (patient == null || patient.sex() == null
                                    ? ""
                                    : patient.sex().name())
                            + "    Date: " + DATE.format(rx.signedOn()),
                    10,
                    false));
            document.add(patientLine);
            document.add(fonts.rule());

            Paragraph rxMark = fonts.paragraph();
            rxMark.add(fonts.text("Rx", 18, true));
            document.add(rxMark);
            List<PrescribedItem> items = rx.items() == null ? List.of() : rx.items();
            for (int i = 0; i < items.size(); i++) {
                PrescribedItem item = items.get(i);
                Paragraph medicine = fonts.paragraph();
                medicine.setSpacingBefore(4);
                medicine.add(fonts.text((i + 1) + ". " + medicineName(item), 11, true));
                medicine.add(fonts.newline());
                medicine.add(fonts.text("     " + dosage(item), 10, false));
                if (item.instructions() != null) {
                    medicine.add(fonts.newline());
                    medicine.add(fonts.text("     " + item.instructions(), 10, false));
                }
                document.add(medicine);
            }
            if (rx.advice() != null) {
                Paragraph advice = fonts.paragraph();
                advice.setSpacingBefore(10);
                advice.add(fonts.text("Advice / পরামর্শ: ", 10, true));
                advice.add(fonts.text(rx.advice(), 10, false));
                document.add(advice);
            }
            if (rx.followUpOn() != null) {
                Paragraph follow = fonts.paragraph();
                follow.setSpacingBefore(6);
                follow.add(fonts.text("Follow-up / পরবর্তী সাক্ষাৎ: " + DATE.format(rx.followUpOn()), 10, true));
                document.add(follow);
            }
            if (rx.replaces() != null) {
                document.add(fonts.text("This prescription replaces " + rx.replaces() + ".", 8, false));
            }
            Paragraph footer = fonts.paragraph();
            footer.setSpacingBefore(14);
            footer.add(fonts.text(
                    "Signed electronically by " + doctorName(doctor) + " (BMDC " + rx.bmdcNumber() + ") on "
                            + DATE.format(rx.signedOn()) + ". Verify: scan the QR code or open " + verificationUrl,
                    7,
                    false));
            document.add(footer);

            drawQr(writer.getDirectContent(), verificationUrl, document.right() - 78, document.top() - 140, 78);
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("prescription PDF could not be written", e);
        }
    }

    /** A one-line PDF of {@code text} in the Bengali font, laid out as prescriptions are: for shaping checks. */
    static byte[] line(String text, float size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A6);
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text, new Font(PdfFonts.bengali(), size)));
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The QR code drawn as vector squares (sharp at any zoom, no image). */
    static void drawQr(PdfContentByte canvas, String content, float x, float y, float size) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            float module = size / matrix.getWidth();
            canvas.saveState();
            canvas.setRGBColorFill(0, 0, 0);
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        canvas.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
                    }
                }
            }
            canvas.fill();
            canvas.restoreState();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be made", e);
        }
    }

    private static PdfPCell cell(Paragraph content) {
        PdfPCell cell = new PdfPCell();
        cell.addElement(content);
        cell.setBorder(0);
        return cell;
    }

    static String medicineName(PrescribedItem item) {
        String name = item.brand() != null ? item.brand() + " (" + item.genericName() + ")" : item.genericName();
        return join(item.form(), name, item.strength()).replace(" · ", " ");
    }

    /** {@code 1+0+1 (১+০+১) after meals, 5 days, qty 10, oral}. */
    static String dosage(PrescribedItem item) {
        StringBuilder s = new StringBuilder();
        if (item.dose() != null && !item.dose().equals("1")) {
            s.append(item.dose()).append(" × ");
        }
        s.append(item.frequency())
                .append(" (")
                .append(item.frequency().bangla())
                .append(")");
        if (item.timing() == MealTiming.BEFORE_MEALS) {
            s.append(" before meals (খাবারের আগে)");
        } else if (item.timing() == MealTiming.AFTER_MEALS) {
            s.append(" after meals (খাবারের পরে)");
        }
        s.append(", ").append(duration(item.duration()));
        if (item.quantity() != null) {
            s.append(", qty ").append(item.quantity().stripTrailingZeros().toPlainString());
        }
        if (item.route() != null) {
            s.append(", ").append(item.route());
        }
        return s.toString();
    }

    static String duration(CourseDuration d) {
        if (d == null || d.untilStopped()) {
            return "continue (চলবে)";
        }
        return d.amount() + " " + d.unit().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String age(PatientSummary patient) {
        if (patient == null || patient.birthDate() == null) {
            return "";
        }
        Period p = Period.between(patient.birthDate(), LocalDate.now(clock));
        return p.getYears() > 0 ? p.getYears() + " y" : p.getMonths() + " m";
    }

    private static String patientName(PatientSummary patient) {
        if (patient == null) {
            return "";
        }
        return join(patient.nameEn(), patient.nameBn());
    }

    static String doctorName(PractitionerSummary doctor) {
        if (doctor == null) {
            return "";
        }
        return doctor.nameEn() != null ? doctor.nameEn() : doctor.nameBn();
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
