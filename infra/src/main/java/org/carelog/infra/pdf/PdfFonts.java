package org.carelog.infra.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The fonts of Carelog's printed documents (prescriptions, invoices, receipts): Latin in Noto Sans (regular and
 * bold), Bangla and the taka sign in Noto Sans Bengali, embedded as subsets. Bangla is shaped (conjuncts, vowel
 * signs) by OpenPDF's LayoutProcessor through the JDK's text layout; that processor is global and may be enabled
 * only once per JVM, which this class does once, for every document. One instance per document.
 */
public final class PdfFonts {

    static final String BENGALI_FONT = "NotoSansBengali-Regular.ttf";
    static final String LATIN_FONT = "NotoSans-Regular.ttf";
    static final String LATIN_BOLD_FONT = "NotoSans-Bold.ttf";

    private static final Map<String, Path> FONT_FILES;

    static {
        // Every text shown through a font loaded into the layout processor is shaped; shaped glyphs carry their
        // logical text (ActualText), for search and copy.
        LayoutProcessor.enableKernLiga();
        LayoutProcessor.setWriteActualText();
        FONT_FILES = Map.of(
                BENGALI_FONT, fontFile(BENGALI_FONT),
                LATIN_FONT, fontFile(LATIN_FONT),
                LATIN_BOLD_FONT, fontFile(LATIN_BOLD_FONT));
    }

    private final BaseFont latin;
    private final BaseFont latinBold;
    private final BaseFont bengali;

    public PdfFonts() throws IOException {
        latin = font(LATIN_FONT);
        latinBold = font(LATIN_BOLD_FONT);
        bengali = font(BENGALI_FONT);
    }

    /** The Bengali font file, for tests that compare the printed shapes with the JDK's own. */
    public static Path bengaliFontFile() {
        return FONT_FILES.get(BENGALI_FONT);
    }

    /** The Bengali font alone, as the layout processor shapes it. */
    public static BaseFont bengali() throws IOException {
        return font(BENGALI_FONT);
    }

    /** A line break in a font Carelog ships (OpenPDF's default, Helvetica, is not available). */
    public Chunk newline() {
        return new Chunk("\n", new Font(latin, 10));
    }

    public Paragraph paragraph() {
        return new Paragraph("", new Font(latin, 10));
    }

    /** A thin horizontal line across the page. */
    public Paragraph rule() {
        Chunk line = new Chunk(new LineSeparator(0.5f, 100, null, 0, -2));
        line.setFont(new Font(latin, 10));
        Paragraph rule = new Paragraph(line);
        rule.setFont(new Font(latin, 10));
        rule.setSpacingAfter(4);
        return rule;
    }

    /** Each run of the text in the font that has it: Latin in Noto Sans, Bangla and ৳ in Noto Sans Bengali. */
    public Phrase text(String text, float size, boolean bold) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(bold ? latinBold : latin, size));
        selector.addFont(new Font(bengali, size));
        return selector.process(text == null ? "" : text);
    }

    /** A thinly bordered table cell. */
    public PdfPCell cell(String text, float size, boolean bold, int align) {
        PdfPCell cell = new PdfPCell(text(text, size, bold));
        cell.setHorizontalAlignment(align);
        cell.setBorderWidth(0.3f);
        cell.setPadding(3);
        return cell;
    }

    private static BaseFont font(String name) throws IOException {
        String path = FONT_FILES.get(name).toString();
        BaseFont font = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        LayoutProcessor.loadFont(font, path);
        return font;
    }

    /** The font files, copied out of the application's jar once (the JDK's layout reads fonts from files). */
    private static Path fontFile(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the application");
            }
            Path file = Files.createTempFile("carelog-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
