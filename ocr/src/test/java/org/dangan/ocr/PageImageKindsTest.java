package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.pdf.HanFont;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searchable PDF keeps each page as it was scanned (colour, gray, 1-bit) at the resolution
 * its file declares, through straightening, turning upright and a reviewer's new text layer, and
 * stays PDF/A-2b for veraPDF: real files through real Tesseract.
 */
class PageImageKindsTest {

    static OcrPipeline pipeline;
    static final String EXPECTED = String.join("", Scans.REPORT);
    /** A4 at 200 dpi, in pixels. */
    static final int A4_WIDTH = 1654;

    static final int A4_HEIGHT = 2339;
    /** The centre of the seal's ring, on its left edge: red ink, on a page drawn upright. */
    static final int SEAL_X = 1000;

    static final int SEAL_Y = 860;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 2);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void an_rgb_scan_with_a_red_seal_keeps_its_red_and_its_declared_200_dpi_gives_an_a4_page() throws Exception {
        Path png = png(sealedReport(), 200, dir.resolve("sealed.png"));
        byte[] pdf = searchable(png);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            // A4 is 595.3 x 841.9 points: the page prints at the size it was scanned
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, within(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, within(0.5f));
            PDImageXObject image = image(page);
            assertThat(image.getStream().getFilters()).containsExactly(COSName.DCT_DECODE);
            assertThat(image.getColorSpace().getName()).isEqualTo("DeviceRGB");
            assertRed(image.getImage(), SEAL_X, SEAL_Y);
            assertThat(Scans.missing(EXPECTED, new PDFTextStripper().getText(document)))
                    .isLessThan(0.05);
        }
        assertThat(PdfA.violations(pdf)).isEmpty();
    }

    @Tag("slow") // recognises colour pages turned and skewed
    @Test
    void a_colour_page_turned_upside_down_and_a_skewed_one_stay_colour() throws Exception {
        BufferedImage turned = Images.rotate(sealedReport(), 180);
        BufferedImage skewed = Images.deskew(Images.rgb(sealedReport()), 2.5);
        for (BufferedImage scan : List.of(turned, skewed)) {
            OcrPipeline.Result result =
                    pipeline.process(png(scan, 200, dir.resolve("scan.png")), "chi_sim", OcrPipeline.Progress.NONE);
            assertThat(Scans.missing(EXPECTED, result.text())).isLessThan(0.05);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.writePdf(result, "检验报告", out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                PDImageXObject image = image(document.getPage(0));
                assertThat(image.getColorSpace().getName()).isEqualTo("DeviceRGB");
                // upright and straight again: the seal is back where it was drawn
                assertRed(image.getImage(), SEAL_X, SEAL_Y);
            }
            assertThat(PdfA.violations(out.toByteArray())).isEmpty();
            result.close();
        }
    }

    @Test
    void an_rgb_file_whose_pixels_are_all_gray_is_kept_gray() throws Exception {
        BufferedImage rgb = Images.rgb(Scans.page(Scans.REPORT));
        try (PDDocument document = Loader.loadPDF(searchable(Scans.png(rgb, dir.resolve("gray.png"))))) {
            PDImageXObject image = image(document.getPage(0));
            assertThat(image.getColorSpace().getName()).isEqualTo("DeviceGray");
            assertThat(image.getBitsPerComponent()).isEqualTo(8);
        }
    }

    @Tag("slow") // recognises 1-bit pages and writes PDF/A of each
    @Test
    void a_1_bit_png_and_a_ccitt_g4_tiff_stay_1_bit_in_a_pdf_a_fraction_of_todays_size() throws Exception {
        BufferedImage bilevel = Images.bilevel(Scans.page(Scans.REPORT));
        Path png = Scans.png(bilevel, dir.resolve("bilevel.png"));
        Path tiff = g4Tiff(bilevel, 200, dir.resolve("bilevel.tif"));
        // today's page: the same image as an 8-bit gray JPEG
        ByteArrayOutputStream gray = new ByteArrayOutputStream();
        try (SearchablePdf pdf = new SearchablePdf(HanFont.DEFAULT)) {
            pdf.addPage(SearchablePdf.PageImage.of(Images.gray(bilevel), 300), List.of());
            pdf.save(gray, "检验报告");
        }
        for (Path scan : List.of(png, tiff)) {
            byte[] pdf = searchable(scan);
            assertThat(pdf.length).as(scan.getFileName().toString()).isLessThan(gray.size() / 3);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDImageXObject image = image(document.getPage(0));
                assertThat(image.getStream().getFilters()).containsExactly(COSName.CCITTFAX_DECODE);
                assertThat(image.getBitsPerComponent()).isOne();
                assertThat(image.getColorSpace().getName()).isEqualTo("DeviceGray");
                // black stays black and white white: the 1-bit image comes back pixel for pixel
                assertThat(samePixels(image.getImage(), bilevel)).isGreaterThan(0.999);
                assertThat(Scans.missing(EXPECTED, new PDFTextStripper().getText(document)))
                        .isLessThan(0.05);
            }
            assertThat(PdfA.violations(pdf)).isEmpty();
        }
        try (PDDocument document = Loader.loadPDF(searchable(tiff))) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(2480 * 72f / 200, within(0.1f));
        }
    }

    @Test
    void a_skewed_1_bit_page_is_straightened_and_stays_1_bit() throws Exception {
        BufferedImage skewed = Images.bilevel(Images.deskew(Scans.page(Scans.REPORT), 3));
        OcrPipeline.Result result =
                pipeline.process(Scans.png(skewed, dir.resolve("skewed.png")), "chi_sim", OcrPipeline.Progress.NONE);
        assertThat(result.pages().get(0).quality().issues()).contains(PageQuality.Issue.SKEWED);
        assertThat(result.pages().get(0).encoding()).isEqualTo(SearchablePdf.Encoding.CCITT_G4);
        assertThat(Scans.missing(EXPECTED, result.text())).isLessThan(0.05);
        result.close();
    }

    @Test
    void a_1_bit_page_scanned_sideways_is_turned_upright_and_stays_1_bit() throws Exception {
        BufferedImage sideways = Images.bilevel(Images.rotate(Scans.page(Scans.REPORT), 90));
        try (OcrPipeline.Result result = pipeline.process(
                Scans.png(sideways, dir.resolve("sideways.png")), "chi_sim", OcrPipeline.Progress.NONE)) {
            OcrPipeline.Page page = result.pages().get(0);
            assertThat(page.text().rotation()).isEqualTo(270);
            assertThat(page.encoding()).isEqualTo(SearchablePdf.Encoding.CCITT_G4);
            assertThat(page.widthPx()).isEqualTo(2480);
            assertThat(page.heightPx()).isEqualTo(1400);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.writePdf(result, "检验报告", out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                assertThat(samePixels(image(document.getPage(0)).getImage(), Images.bilevel(Scans.page(Scans.REPORT))))
                        .isGreaterThan(0.999);
            }
        }
    }

    @Test
    void a_jbig2_pdf_page_is_kept_1_bit() throws Exception {
        byte[] pdf = searchable(Jbig2Scans.pdf(Scans.page(Scans.REPORT), dir.resolve("jbig2.pdf")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDImageXObject image = image(document.getPage(0));
            assertThat(image.getStream().getFilters()).containsExactly(COSName.CCITTFAX_DECODE);
            assertThat(image.getBitsPerComponent()).isOne();
        }
        assertThat(PdfA.violations(pdf)).isEmpty();
    }

    @Test
    void a_pdf_scanned_at_a_low_resolution_is_read_and_kept_at_its_own() throws Exception {
        // the report page scaled to 75 dpi and drawn over an A4 page, as a scanner writes it
        BufferedImage full = Scans.page(Scans.REPORT);
        BufferedImage low = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = low.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, 620, 877, null);
        g.dispose();
        Path scan = dir.resolve("low.pdf");
        try (PDDocument document = new PDDocument()) {
            for (boolean whole : new boolean[] {true, false}) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var c = new PDPageContentStream(document, page)) {
                    var image = LosslessFactory.createFromImage(document, low);
                    float w = page.getMediaBox().getWidth();
                    float h = page.getMediaBox().getHeight();
                    // the second page draws it over half the page: its pixels are finer than the page's
                    c.drawImage(image, 0, 0, whole ? w : w / 2, whole ? h : h / 2);
                }
            }
            document.save(scan.toFile());
        }

        try (DocumentReader.Pages pages = DocumentReader.open(scan)) {
            SourcePage page = pages.page(0);
            assertThat(page.dpi()).isEqualTo(75);
            assertThat(page.image().getWidth()).isBetween(619, 621);
            assertThat(pages.page(1).dpi()).isEqualTo(DocumentReader.RENDER_DPI);
        }
        try (OcrPipeline.Result result = pipeline.process(scan, "chi_sim", OcrPipeline.Progress.NONE)) {
            OcrPipeline.Page page = result.pages().get(0);
            assertThat(page.quality().issues()).contains(PageQuality.Issue.RESOLUTION_BELOW_MINIMUM);
            assertThat(page.widthPx()).isBetween(619, 621);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.writePdf(result, "low", out);
            try (PDDocument written = Loader.loadPDF(out.toByteArray())) {
                // printed at the size it was scanned: an A4 page, not a fifth of one
                assertThat(written.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, within(2f));
            }
        }
    }

    @Test
    void a_page_that_draws_more_than_one_image_or_a_long_content_is_rendered_at_300_dpi() throws Exception {
        BufferedImage low = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        Path file = dir.resolve("not-a-scan.pdf");
        try (PDDocument document = new PDDocument()) {
            var image = LosslessFactory.createFromImage(document, low);
            // a million unbalanced saves before the image: not walked to its end, not held
            String[] contents = {
                "q ".repeat(1_000_000) + "595 0 0 842 0 0 cm /Im0 Do", "595 0 0 842 0 0 cm /Im0 Do /Im0 Do"
            };
            for (String content : contents) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setResources(new PDResources());
                page.getResources().put(COSName.getPDFName("Im0"), image);
                var stream =
                        new PDStream(document, new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)));
                page.setContents(stream);
                document.addPage(page);
            }
            document.save(file.toFile());
        }

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(PdfImages.scanDpi(document.getPage(0))).isZero();
            assertThat(PdfImages.scanDpi(document.getPage(1))).isZero();
        }
    }

    @Test
    void a_pdf_page_scanned_at_300_dpi_or_near_it_is_rendered_at_300() throws Exception {
        try (DocumentReader.Pages pages =
                DocumentReader.open(Scans.pdf(List.of(Scans.page(Scans.REPORT)), dir.resolve("300.pdf")))) {
            assertThat(pages.page(0).dpi()).isEqualTo(300);
            assertThat(pages.page(0).image().getWidth()).isEqualTo(2480);
        }
    }

    @Test
    void a_declared_resolution_outside_50_to_1200_dpi_counts_as_none() throws Exception {
        BufferedImage page = Scans.page(Scans.REPORT);
        assertThat(Resolution.png(png(page, 10, dir.resolve("ten.png")))).isEqualTo(10);
        try (DocumentReader.Pages pages = DocumentReader.open(png(page, 10, dir.resolve("ten.png")))) {
            assertThat(pages.page(0).dpi()).isZero();
        }
        try (DocumentReader.Pages pages = DocumentReader.open(png(page, 2400, dir.resolve("many.png")))) {
            assertThat(pages.page(0).dpi()).isZero();
        }
        try (DocumentReader.Pages pages = DocumentReader.open(Scans.png(page, dir.resolve("none.png")))) {
            assertThat(pages.page(0).dpi()).isZero();
        }
        try (DocumentReader.Pages pages =
                DocumentReader.open(g4Tiff(Images.bilevel(page), 400, dir.resolve("400.tif")))) {
            assertThat(pages.page(0).dpi()).isEqualTo(400);
        }
    }

    @Test
    void a_small_image_declaring_no_resolution_is_laid_out_as_a_page_not_a_stamp_and_sides_stay_pdf_a()
            throws Exception {
        // a photo of a page, 614 x 864 pixels, no resolution: an A4 page (74 dpi), not 5 x 7 cm at 300
        BufferedImage photo = new BufferedImage(614, 864, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 614, 864);
        g.dispose();
        assertThat(SearchablePdf.assumedDpi(614, 864)).isEqualTo(74);
        assertThat(SearchablePdf.assumedDpi(2480, 1400)).isEqualTo(300);
        byte[] pdf = searchable(Scans.png(photo, dir.resolve("photo.png")));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isBetween(830f, 845f);
        }
        // a strip 20,000 x 1 at 300 dpi would be 4,800 x 0.24 points, outside what PDF/A allows
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SearchablePdf strip = new SearchablePdf(PrintedSheet.DEFAULT_FONT)) {
            BufferedImage line = new BufferedImage(20_000, 1, BufferedImage.TYPE_BYTE_GRAY);
            strip.addPage(SearchablePdf.PageImage.of(line, 300), List.of());
            BufferedImage wide = new BufferedImage(12_000, 100, BufferedImage.TYPE_BYTE_GRAY);
            strip.addPage(SearchablePdf.PageImage.of(wide, 50), List.of());
            strip.save(out, "strip");
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(3f);
            assertThat(doc.getPage(1).getMediaBox().getWidth()).isLessThanOrEqualTo(14_400f);
        }
        assertThat(PdfA.violations(out.toByteArray())).isEmpty();
    }

    @Tag("slow") // recognises and lays text over colour and 1-bit pages
    @Test
    void a_reviewers_text_layer_is_laid_over_the_same_colour_and_1_bit_images() throws Exception {
        Path colour = png(sealedReport(), 200, dir.resolve("sealed.png"));
        Path bilevel = g4Tiff(Images.bilevel(Scans.page(Scans.REPORT)), 300, dir.resolve("bilevel.tif"));
        for (Path scan : List.of(colour, bilevel)) {
            byte[] first = searchable(scan);
            List<SearchablePdf.PageImage> images = SearchablePdf.pageImages(first);
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            try (SearchablePdf pdf = new SearchablePdf(HanFont.DEFAULT)) {
                SearchablePdf.PageImage image = images.get(0);
                pdf.addPage(image, TextLayer.fit("血常规检验报告单 校对后", List.of(), image.widthPx(), image.heightPx()));
                pdf.save(second, "检验报告");
            }
            List<SearchablePdf.PageImage> again = SearchablePdf.pageImages(second.toByteArray());
            assertThat(again).singleElement().satisfies(i -> {
                assertThat(i.bytes()).isEqualTo(images.get(0).bytes());
                assertThat(i.encoding()).isEqualTo(images.get(0).encoding());
                assertThat(i.dpi()).isEqualTo(images.get(0).dpi());
            });
            try (PDDocument before = Loader.loadPDF(first);
                    PDDocument after = Loader.loadPDF(second.toByteArray())) {
                assertThat(after.getPage(0).getMediaBox().getWidth())
                        .isEqualTo(before.getPage(0).getMediaBox().getWidth());
                assertThat(samePixels(
                                image(after.getPage(0)).getImage(),
                                image(before.getPage(0)).getImage()))
                        .isEqualTo(1.0);
                assertThat(new PDFTextStripper().getText(after).replaceAll("\\s", ""))
                        .isEqualTo("血常规检验报告单校对后");
            }
            assertThat(PdfA.violations(second.toByteArray())).isEmpty();
        }
        assertThat(SearchablePdf.pageImages(searchable(colour)))
                .extracting(SearchablePdf.PageImage::encoding)
                .containsExactly(SearchablePdf.Encoding.JPEG);
        assertThat(SearchablePdf.pageImages(searchable(bilevel)))
                .extracting(SearchablePdf.PageImage::encoding)
                .containsExactly(SearchablePdf.Encoding.CCITT_G4);
    }

    private byte[] searchable(Path scan) {
        try (OcrPipeline.Result result = pipeline.process(scan, "chi_sim", OcrPipeline.Progress.NONE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pipeline.writePdf(result, "检验报告", out);
            return out.toByteArray();
        }
    }

    private static PDImageXObject image(PDPage page) throws Exception {
        return (PDImageXObject) page.getResources()
                .getXObject(page.getResources().getXObjectNames().iterator().next());
    }

    private static void assertRed(BufferedImage image, int x, int y) {
        // the ring is 12 pixels wide: the reddest pixel across it
        int best = 0;
        for (int dx = -10; dx <= 10; dx++) {
            int rgb = image.getRGB(x + dx, y);
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            best = Math.max(best, r - Math.max(g, b));
        }
        assertThat(best).as("red over green and blue at the seal").isGreaterThan(120);
    }

    /** The share of pixels equally dark (below half) in both images. */
    private static double samePixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long same = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (((a.getRGB(x, y) & 0xff) < 128) == ((b.getRGB(x, y) & 0xff) < 128)) {
                    same++;
                }
            }
        }
        return same / (double) ((long) a.getWidth() * a.getHeight());
    }

    /** A4 at 200 dpi in colour: the report in black, a red seal's ring and its words. */
    static BufferedImage sealedReport() {
        BufferedImage image = new BufferedImage(A4_WIDTH, A4_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, A4_WIDTH, A4_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, 40));
        int y = 200;
        for (String line : Scans.REPORT) {
            g.drawString(line, 140, y);
            y += 100;
        }
        g.setColor(new Color(220, 30, 30));
        g.setStroke(new BasicStroke(12));
        g.drawOval(SEAL_X, SEAL_Y - 160, 320, 320);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.BOLD, 56));
        g.drawString("检验专用章", SEAL_X + 20, SEAL_Y + 20);
        g.dispose();
        return image;
    }

    /** A PNG declaring {@code dpi} in its pHYs chunk (pixels per metre). */
    static Path png(BufferedImage image, int dpi, Path file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        physical.setAttribute("pixelsPerUnitXAxis", perMetre);
        physical.setAttribute("pixelsPerUnitYAxis", perMetre);
        physical.setAttribute("unitSpecifier", "meter");
        root.appendChild(physical);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        write(writer, new IIOImage(image, null, metadata), null, file);
        return file;
    }

    /** A 1-bit TIFF compressed CCITT T.6 (Group 4), declaring {@code dpi} per inch. */
    static Path g4Tiff(BufferedImage bilevel, int dpi, Path file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("CCITT T.6");
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bilevel), param));
        BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
        for (int tag : new int[] {BaselineTIFFTagSet.TAG_X_RESOLUTION, BaselineTIFFTagSet.TAG_Y_RESOLUTION}) {
            directory.addTIFFField(new TIFFField(base.getTag(tag), TIFFTag.TIFF_RATIONAL, 1, new long[][] {{dpi, 1}}));
        }
        directory.addTIFFField(new TIFFField(
                base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT), BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        write(writer, new IIOImage(bilevel, null, directory.getAsMetadata()), param, file);
        return file;
    }

    private static void write(ImageWriter writer, IIOImage image, ImageWriteParam param, Path file) throws Exception {
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(file.toString()))) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
    }
}
