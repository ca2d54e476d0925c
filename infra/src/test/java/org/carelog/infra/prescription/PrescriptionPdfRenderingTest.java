package org.carelog.infra.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.patient.Sex;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.prescription.CourseDuration;
import org.carelog.api.prescription.DurationUnit;
import org.carelog.api.prescription.Frequency;
import org.carelog.api.prescription.MealTiming;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.infra.config.FacilityProperties;
import org.junit.jupiter.api.Test;

/** The PDF alone, without the application: what is printed, and that the QR code reads back. */
class PrescriptionPdfRenderingTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void printsEverySectionAndAReadableQrCode() throws Exception {
        PrescriptionPdf pdf = new PrescriptionPdf(
                new FacilityProperties(
                        "Padma Demo Hospital",
                        "CLG",
                        DHAKA,
                        "Road 5, Dhanmondi, Dhaka",
                        "+880 2-9661234",
                        "https://carelog.example"),
                Clock.fixed(DAY.atStartOfDay(DHAKA).toInstant(), DHAKA));
        PrescribedItem item = new PrescribedItem(
                "DB00316",
                "Acetaminophen",
                "Jorex",
                "500 mg",
                "Tablet",
                "1",
                "oral",
                Frequency.parse("f", "1+0+1"),
                MealTiming.AFTER_MEALS,
                new CourseDuration(5, DurationUnit.DAYS),
                new BigDecimal("10"),
                "জ্বর থাকলে খাবেন");
        PrescriptionSummary rx = new PrescriptionSummary(
                "5b0c6f7e-0000-4000-8000-000000000001",
                "p",
                "e",
                "d",
                "A-12345",
                "karim",
                Instant.now(),
                DAY,
                List.of(item),
                "প্রচুর পানি পান করুন",
                DAY.plusDays(7),
                null,
                null,
                null,
                List.of(),
                null,
                "AbCdEfGhIjKlMnOpQrStUv",
                List.of());
        PatientSummary patient = new PatientSummary(
                "p",
                "CLG-00004275",
                427,
                "ফাতেমা বেগম",
                "Fatema Begum",
                Sex.FEMALE,
                LocalDate.of(1986, 1, 1),
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                Instant.now(),
                Instant.now(),
                false);
        PractitionerSummary doctor = new PractitionerSummary(
                "d",
                "ডা. করিম",
                "Dr. Karim Ahmed",
                PractitionerRole.DOCTOR,
                "A-12345",
                DAY.plusYears(1),
                "Medicine",
                "dep",
                List.of(),
                List.of("MBBS", "FCPS (Medicine)"),
                null,
                Instant.now(),
                Instant.now());

        byte[] bytes =
                pdf.render(rx, patient, doctor, "https://carelog.example/verify/prescriptions/AbCdEfGhIjKlMnOpQrStUv");

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Padma Demo Hospital")
                    .contains("Dr. Karim Ahmed")
                    .contains("MBBS, FCPS (Medicine)")
                    .contains("A-12345")
                    .contains("Jorex (Acetaminophen)")
                    .contains("1+0+1")
                    .contains("CLG-00004275")
                    .contains("Fatema Begum")
                    .contains("40 y")
                    .contains("FEMALE")
                    .contains("17 Mar 2026")
                    .contains("প্রচুর পানি পান করুন")
                    .contains("জ্বর থাকলে খাবেন")
                    .contains("পরামর্শ");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String decoded = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
            assertThat(decoded).isEqualTo("https://carelog.example/verify/prescriptions/AbCdEfGhIjKlMnOpQrStUv");
        }
    }
}
