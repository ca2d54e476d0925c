package org.carelog.infra.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** The printed prescription: its text, its rendering, its QR code, its Bangla shaping and its verification. */
@Import(TestClock.Config.class)
class PrescriptionPdfTest extends IntegrationTest {

    /** Conjuncts (স্ব, স্থ্য) and vowel signs, one of them written before its consonant (ি). */
    static final String CONJUNCT_WORD = "স্বাস্থ্যবিধি";

    @Test
    void thePrintedPrescriptionCarriesDoctorPatientMedicinesAdviceAndAQrCodeThatVerifies() throws Exception {
        String department = createDepartment("Medicine", "মেডিসিন");
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(1));
        String doctor = staffActingAs(Role.DOCTOR, practitioner);
        JsonNode profile = data(post(
                        doctor,
                        "query($id: ID!) { practitioner(id: $id) { nameEn bmdc { number } } }",
                        Map.of("id", practitioner)))
                .get("practitioner");
        String patient = registeredPatient();
        String id = data(post(
                        doctor,
                        PrescriptionIntegrationTest.WRITE,
                        Map.of(
                                "input",
                                PrescriptionIntegrationTest.prescription(
                                        patient, openEncounter(doctor, patient), null))))
                .at("/writePrescription/prescriptionId")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !data(post(
                        doctor, "query($id: ID!) { prescription(id: $id) { prescriptionId } }", Map.of("id", id)))
                .get("prescription")
                .isNull());
        String reference = data(post(
                        doctor,
                        "query($id: ID!) { prescription(id: $id) { verificationReference } }",
                        Map.of("id", id)))
                .at("/prescription/verificationReference")
                .asText();

        HttpResponse<byte[]> response = HTTP_CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/prescriptions/" + id + ".pdf"))
                        .header("Authorization", doctor)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");

        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(profile.get("nameEn").asText())
                    .contains(profile.at("/bmdc/number").asText())
                    .contains("MBBS")
                    .contains("Paracetamol")
                    .contains("500 mg")
                    .contains("1+0+1")
                    .contains("MRN")
                    .contains("প্রচুর পানি পান করুন")
                    .contains("জ্বর থাকলে খাবেন");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
            assertThat(darkPixels(page)).as("the page is not blank").isGreaterThan(5_000);
            String decoded = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
            assertThat(decoded).endsWith("/verify/prescriptions/" + reference);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?::uuid and view ="
                                + " 'prescription.pdf'",
                        Long.class,
                        patient))
                .isEqualTo(1);

        // The QR code's link, opened without an account, shows what a pharmacist checks, and is logged.
        HttpResponse<String> verified = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/verify/prescriptions/" + reference))
                        .GET(),
                null);
        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode body = json(verified);
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("doctor").asText()).isEqualTo(profile.get("nameEn").asText());
        assertThat(body.get("bmdcNumber").asText())
                .isEqualTo(profile.at("/bmdc/number").asText());
        assertThat(body.at("/medicines/0").asText()).contains("Paracetamol");
        assertThat(body.toString()).doesNotContain(patient);
        assertThat(jdbc.queryForObject(
                        "select count(*) from prescription_verification where prescription_id = ?::uuid",
                        Long.class,
                        id))
                .isEqualTo(1);
        HttpResponse<String> unknown = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/verify/prescriptions/AAAAAAAAAAAAAAAAAAAAAA"))
                        .GET(),
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);

        // Reception may not print it.
        HttpResponse<byte[]> refused = HTTP_CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/prescriptions/" + id + ".pdf"))
                        .header("Authorization", credentials(Role.RECEPTIONIST))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void banglaIsPrintedWithTheGlyphsTheJdkShapes() throws Exception {
        float size = 24;
        byte[] pdf = PrescriptionPdf.line(CONJUNCT_WORD, size);
        List<Integer> printed = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDFStreamParser parser = new PDFStreamParser(page);
            for (Object token : parser.parse()) {
                collect(token, printed);
            }
        }
        Font font = Font.createFont(
                        Font.TRUETYPE_FONT, Files.newInputStream(org.carelog.infra.pdf.PdfFonts.bengaliFontFile()))
                .deriveFont(size);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        char[] chars = CONJUNCT_WORD.toCharArray();
        GlyphVector shaped = font.layoutGlyphVector(frc, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        List<Integer> jdk = Arrays.stream(shaped.getGlyphCodes(0, shaped.getNumGlyphs(), null))
                .boxed()
                .toList();
        GlyphVector naive = font.createGlyphVector(frc, chars);
        List<Integer> unshaped = Arrays.stream(naive.getGlyphCodes(0, naive.getNumGlyphs(), null))
                .boxed()
                .toList();

        assertThat(jdk).as("the word has conjuncts: shaping changes its glyphs").isNotEqualTo(unshaped);
        assertThat(printed).as("the PDF shows the JDK's shaped glyphs").isEqualTo(jdk);
    }

    /** Glyph ids (two bytes each, Identity-H) of every string shown by Tj or TJ. */
    private static void collect(Object token, List<Integer> glyphs) {
        if (token instanceof COSString s) {
            byte[] b = s.getBytes();
            for (int i = 0; i + 1 < b.length; i += 2) {
                glyphs.add(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff));
            }
        } else if (token instanceof COSArray array) {
            for (COSBase item : array) {
                collect(item, glyphs);
            }
        } else if (token instanceof Operator) {
            // operators carry no glyphs
        }
    }

    private static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (luminance < 384) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static final java.net.http.HttpClient HTTP_CLIENT = java.net.http.HttpClient.newHttpClient();
}
