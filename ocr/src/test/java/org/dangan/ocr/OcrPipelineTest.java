package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.pdf.HanFont;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline on Debian's Tesseract (chi_sim, osd): real recognition of generated scans. */
class OcrPipelineTest {

    static OcrPipeline pipeline;
    static final String EXPECTED = String.join("", Scans.REPORT);

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
    void a_chinese_report_is_read_without_spaces_between_han_characters() throws Exception {
        OcrPipeline.Result result = pipeline.process(
                Scans.png(Scans.page(Scans.REPORT), dir.resolve("p.png")), "chi_sim", OcrPipeline.Progress.NONE);
        PageText page = result.pages().get(0).text();
        assertThat(Scans.missing(EXPECTED, page.text())).isLessThan(0.05);
        assertThat(page.text()).contains("血常规检验报告单").doesNotContain("血 常");
        assertThat(page.meanConfidence()).isGreaterThan(70);
        assertThat(page.rotation()).isZero();
        assertThat(page.lines()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.width()).isPositive();
            assertThat(w.height()).isPositive();
        });
        // each line has its box where it was drawn (the second line: x 200, baseline y 350, 8 characters)
        assertThat(page.lines()).hasSize(6);
        assertThat(page.lines()).anySatisfy(w -> {
            assertThat(w.text()).isEqualTo("血常规检验报告单");
            assertThat(w.y()).isBetween(290, 320);
            assertThat(w.x()).isBetween(195, 210);
            assertThat(w.width()).isBetween(430, 500);
        });
        // the words stand in the lines (their centres: Tesseract's word boxes for Han characters are
        // rough, often too tall or too wide) and together say what the lines say
        assertThat(page.words())
                .isNotEmpty()
                .allSatisfy(w -> assertThat(page.lines()).anySatisfy(l -> {
                    assertThat(w.x() + w.width() / 2).isBetween(l.x(), l.x() + l.width());
                    assertThat(w.y() + w.height() / 2).isBetween(l.y(), l.y() + l.height());
                }));
        assertThat(page.words().stream().map(TextBox::text).collect(Collectors.joining()))
                .isEqualTo(page.lines().stream()
                        .map(TextBox::text)
                        .collect(Collectors.joining())
                        .replace(" ", ""));
    }

    @Test
    void a_jbig2_page_is_rendered_and_read() throws Exception {
        Path file = Jbig2Scans.pdf(Scans.page(Scans.REPORT), dir.resolve("jbig2.pdf"));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            var resources = pdf.getPage(0).getResources();
            var image = (PDImageXObject)
                    resources.getXObject(resources.getXObjectNames().iterator().next());
            assertThat(image.getStream().getFilters()).containsExactly(COSName.JBIG2_DECODE);
        }
        OcrPipeline.Result result = pipeline.process(file, "chi_sim", OcrPipeline.Progress.NONE);
        assertThat(result.pages()).hasSize(1);
        assertThat(result.pages().get(0).quality().blank()).isFalse();
        assertThat(Scans.missing(EXPECTED, result.pages().get(0).text().text())).isLessThan(0.05);
    }

    @Test
    void a_corrected_text_is_laid_over_the_same_page_images() throws Exception {
        OcrPipeline.Result result = pipeline.process(
                Scans.png(Scans.page(Scans.REPORT), dir.resolve("c.png")), "chi_sim", OcrPipeline.Progress.NONE);
        OcrPipeline.Page page = result.pages().get(0);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        pipeline.writePdf(result, "检验报告", first);
        List<SearchablePdf.PageImage> images = SearchablePdf.pageImages(first.toByteArray());
        assertThat(images).singleElement().satisfies(i -> {
            assertThat(i.bytes()).isEqualTo(page.image().bytes());
            assertThat(i.encoding()).isEqualTo(SearchablePdf.Encoding.JPEG);
            assertThat(i.widthPx()).isEqualTo(2480);
            assertThat(i.heightPx()).isEqualTo(1400);
            assertThat(i.dpi()).isEqualTo(300);
        });
        // the reviewer rewrites the line with the name, line for line: it takes the recognised line's box
        List<String> reviewed =
                new ArrayList<>(page.text().lines().stream().map(TextBox::text).toList());
        assertThat(reviewed.get(2)).startsWith("姓名");
        reviewed.set(2, "姓名：王秀芳 性别：女 年龄：67岁");
        String corrected = String.join("\n", reviewed);
        List<TextBox> lines = TextLayer.fit(corrected, page.text().lines(), 2480, 1400);
        assertThat(lines).hasSameSizeAs(page.text().lines());
        assertThat(lines)
                .extracting(TextBox::y)
                .isEqualTo(page.text().lines().stream().map(TextBox::y).toList());
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (SearchablePdf pdf = new SearchablePdf(HanFont.DEFAULT)) {
            SearchablePdf.PageImage image = images.get(0);
            pdf.addPage(image, lines);
            pdf.save(second, "检验报告");
        }
        try (PDDocument pdf = Loader.loadPDF(second.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
            assertThat(text).contains("王秀芳").doesNotContain("王秀英").contains("血常规检验报告单");
            assertThat(text).isEqualTo(corrected.replaceAll("\\s", ""));
        }
        assertThat(PdfA.violations(second.toByteArray())).isEmpty();
    }

    @Test
    void corrected_lines_that_no_longer_match_share_the_area_the_recognised_lines_covered() {
        List<TextBox> recognised =
                List.of(new TextBox("甲", 100, 200, 800, 60, 50), new TextBox("乙", 120, 400, 600, 60, 50));
        List<TextBox> placed = TextLayer.fit("一\n二\n\n三", recognised, 2480, 3508);
        assertThat(placed).extracting(TextBox::text).containsExactly("一", "二", "三");
        assertThat(placed).allSatisfy(b -> {
            assertThat(b.x()).isEqualTo(100);
            assertThat(b.width()).isEqualTo(800);
            assertThat(b.height()).isEqualTo(60);
            assertThat(b.y()).isBetween(200, 460);
        });
        assertThat(placed).extracting(TextBox::y).isSorted().doesNotHaveDuplicates();
        assertThat(TextLayer.fit("  \n", recognised, 2480, 3508)).isEmpty();
        assertThat(TextLayer.fit("一", List.of(), 2480, 3508))
                .singleElement()
                .satisfies(b -> assertThat(b.x()).isEqualTo(124));
    }

    @Test
    void pages_scanned_upside_down_or_sideways_are_turned_upright_and_read() throws Exception {
        List<BufferedImage> turned =
                List.of(Images.rotate(Scans.page(Scans.REPORT), 180), Images.rotate(Scans.page(Scans.REPORT), 90));
        List<Integer> progress = new CopyOnWriteArrayList<>();
        OcrPipeline.Result result = pipeline.process(
                Scans.pdf(turned, dir.resolve("turned.pdf")),
                "chi_sim",
                (done, total) -> progress.add(done * 10 + total));
        assertThat(result.pages()).extracting(p -> p.text().rotation()).containsExactly(180, 270);
        assertThat(result.pages())
                .allSatisfy(p ->
                        assertThat(Scans.missing(EXPECTED, p.text().text())).isLessThan(0.05));
        assertThat(progress).containsExactlyInAnyOrder(12, 22);
    }

    @Test
    void a_tiff_whose_pages_loop_back_and_a_page_too_long_are_refused_at_once() throws Exception {
        Path tiff = dir.resolve("loop.tif");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "tiff", tiff.toFile());
        byte[] bytes = Files.readAllBytes(tiff);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int first = b.getInt(4);
        // the first page's "next page" points back at itself: the image reader would count for ever
        b.putInt(first + 2 + 12 * (b.getShort(first) & 0xffff), first);
        Files.write(tiff, bytes);
        assertThatThrownBy(() -> pipeline.process(tiff, "chi_sim", OcrPipeline.Progress.NONE))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("loops back");

        Path strip = Scans.png(new BufferedImage(100, 40_000, BufferedImage.TYPE_BYTE_GRAY), dir.resolve("strip.png"));
        assertThatThrownBy(() -> pipeline.process(strip, "chi_sim", OcrPipeline.Progress.NONE))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("a side longer than the 30000");
    }

    @Tag("slow") // recognises a stack of pages
    @Test
    void after_upright_pages_a_page_upside_down_is_still_found_and_turned() throws Exception {
        BufferedImage page = Scans.page(Scans.REPORT);
        // one worker: pages one and two are checked, three is taken as upright, four reads badly and is checked again
        try (OcrPipeline one = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1)) {
            OcrPipeline.Result result = one.process(
                    Scans.pdf(List.of(page, page, page, Images.rotate(page, 180)), dir.resolve("mixed.pdf")),
                    "chi_sim",
                    OcrPipeline.Progress.NONE);
            assertThat(result.pages()).extracting(p -> p.text().rotation()).containsExactly(0, 0, 0, 180);
            assertThat(result.pages())
                    .allSatisfy(p ->
                            assertThat(Scans.missing(EXPECTED, p.text().text())).isLessThan(0.05));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4.7, -1.3, 0.8, 2.2, 4.9})
    void skew_is_measured_to_a_few_tenths_of_a_degree_across_the_range(double degrees) {
        // the search steps by half degrees and then tenths: a skew between the steps is still found
        BufferedImage skewed = Images.deskew(Scans.page(Scans.REPORT), degrees);

        assertThat(PageQuality.of(skewed, 300).skewDegrees()).isBetween(degrees - 0.3, degrees + 0.3);
    }

    @Test
    void a_skewed_page_is_measured_and_straightened_and_a_blank_page_is_named() throws Exception {
        BufferedImage skewed = Images.deskew(Scans.page(Scans.REPORT), 3);
        PageQuality quality = PageQuality.of(skewed, 300);
        assertThat(quality.skewDegrees()).isBetween(2.6, 3.4);
        assertThat(quality.issues()).contains(PageQuality.Issue.SKEWED);
        OcrPipeline.Result result = pipeline.process(
                Scans.pdf(List.of(skewed, Scans.blank()), dir.resolve("s.pdf")), "chi_sim", OcrPipeline.Progress.NONE);
        assertThat(Scans.missing(EXPECTED, result.pages().get(0).text().text())).isLessThan(0.05);
        assertThat(result.pages().get(1).quality().issues()).containsExactly(PageQuality.Issue.BLANK);
        assertThat(result.pages().get(1).text().text()).isEmpty();
        assertThat(PageQuality.of(Scans.page(Scans.REPORT), 150).issues())
                .contains(PageQuality.Issue.RESOLUTION_BELOW_MINIMUM);
        assertThat(PageQuality.of(Scans.page(Scans.REPORT), 240).issues())
                .contains(PageQuality.Issue.RESOLUTION_BELOW_RECOMMENDED);
    }

    @Test
    void the_searchable_pdf_has_the_text_where_the_words_stand_and_copies_chinese_right() throws Exception {
        OcrPipeline.Result result = pipeline.process(
                Scans.png(Scans.page(Scans.REPORT), dir.resolve("p.png")), "chi_sim", OcrPipeline.Progress.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pipeline.writePdf(result, "检验报告", out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isOne();
            String text = new PDFTextStripper().getText(pdf);
            assertThat(Scans.missing(EXPECTED, text)).isLessThan(0.05);
            assertThat(text.replaceAll("\\s", "")).contains("血常规检验报告单");
            // the page is the image's size at 300 dpi
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(2480 * 72f / 300);
        }
        assertThat(PdfA.violations(out.toByteArray())).isEmpty();
    }

    @Test
    void a_born_digital_pdf_keeps_its_own_text() throws Exception {
        byte[] printed;
        try (PrintedSheet sheet = new PrintedSheet(PrintedSheet.DEFAULT_FONT)) {
            printed = sheet.title("心电图检查报告 ECG report")
                    .line("窦性心律，心率72次/分，未见明显异常。")
                    .toBytes();
        }
        Path file = Files.write(dir.resolve("digital.pdf"), printed);
        OcrPipeline.Result result = pipeline.process(file, "chi_sim", OcrPipeline.Progress.NONE);
        assertThat(result.pages().get(0).text().fromTextLayer()).isTrue();
        assertThat(result.pages().get(0).text().text()).contains("窦性心律，心率72次/分");
    }

    @Test
    void bad_files_fail_with_a_reason() throws Exception {
        assertThatThrownBy(() -> pipeline.process(
                        Files.write(dir.resolve("empty.pdf"), new byte[0]), "chi_sim", OcrPipeline.Progress.NONE))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> pipeline.process(
                        Files.writeString(dir.resolve("x.docx"), "PK not a scan"),
                        "chi_sim",
                        OcrPipeline.Progress.NONE))
                .hasMessageContaining("unsupported file type");
        assertThatThrownBy(() -> pipeline.process(
                        Files.write(
                                dir.resolve("broken.pdf"),
                                "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII)),
                        "chi_sim",
                        OcrPipeline.Progress.NONE))
                .isInstanceOf(UnreadableDocumentException.class);
        Path locked = Scans.pdf(List.of(Scans.page(Scans.REPORT)), dir.resolve("locked.pdf"));
        try (PDDocument doc = Loader.loadPDF(locked.toFile())) {
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            doc.save(dir.resolve("encrypted.pdf").toFile());
        }
        assertThatThrownBy(() -> pipeline.process(dir.resolve("encrypted.pdf"), "chi_sim", OcrPipeline.Progress.NONE))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> pipeline.process(bomb(dir.resolve("bomb.png")), "chi_sim", OcrPipeline.Progress.NONE))
                .hasMessageContaining("30000x30000");
    }

    @Test
    void a_document_of_more_pages_than_allowed_is_unreadable_before_a_page_is_read() throws Exception {
        Path pdf = Scans.pdf(List.of(Scans.blank(), Scans.blank(), Scans.blank()), dir.resolve("three.pdf"));
        try (OcrPipeline two = new OcrPipeline(
                Recognizer.DEFAULT_DATA,
                PrintedSheet.DEFAULT_FONT,
                1,
                new OcrPipeline.Limits(2, DocumentReader.MAX_PIXELS))) {
            int[] pagesRead = {0};
            assertThatThrownBy(() -> two.process(pdf, "chi_sim", (done, total) -> pagesRead[0] = done))
                    .isInstanceOf(UnreadableDocumentException.class)
                    .hasMessageContaining("3 pages, more than the 2 allowed");
            assertThat(pagesRead[0]).isZero();
        }
    }

    @Test
    void a_page_of_more_pixels_than_the_limit_set_is_unreadable() throws Exception {
        Path png = Scans.png(Scans.page(Scans.REPORT), dir.resolve("p.png"));
        try (OcrPipeline small = new OcrPipeline(
                Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1, new OcrPipeline.Limits(500, 1_000_000))) {
            assertThatThrownBy(() -> small.process(png, "chi_sim", OcrPipeline.Progress.NONE))
                    .isInstanceOf(UnreadableDocumentException.class)
                    .hasMessageContaining("more than the 1000000 allowed");
        }
    }

    @Tag("slow") // renders a huge image page
    @Test
    void a_pdf_page_drawing_a_huge_image_is_unreadable_before_the_image_is_decoded() throws Exception {
        // the second hostile test got 12000x12000 images through in all but the first three of these
        for (String drawn : List.of("xobject", "form", "inline", "inherited", "type3", "softmask", "jpeg")) {
            Path pdf = drawingHugeImage(dir.resolve(drawn + ".pdf"), 40_000, drawn);
            assertThat(Files.size(pdf)).as(drawn).isLessThan(1_000_000);
            assertThatThrownBy(() -> pipeline.process(pdf, "chi_sim", OcrPipeline.Progress.NONE))
                    .as(drawn)
                    .isInstanceOf(UnreadableDocumentException.class)
                    .hasMessageContaining(
                            "page 1 draws an image of 40000x40000 pixels, more than the 100000000 allowed");
        }
    }

    @Test
    void page_images_wait_in_temporary_files_that_closing_the_result_removes() throws Exception {
        Path pdf = Scans.pdf(List.of(Scans.blank(), Scans.blank()), dir.resolve("two.pdf"));
        OcrPipeline.Result result = pipeline.process(pdf, "chi_sim", OcrPipeline.Progress.NONE);
        List<Path> images =
                result.pages().stream().map(OcrPipeline.Page::imageFile).toList();
        assertThat(images).hasSize(2).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(result.pages().get(0).image().bytes()).startsWith((byte) 0xFF, (byte) 0xD8);

        result.close();

        assertThat(images).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(result.directory()).doesNotExist();
    }

    /**
     * An A4 page drawing a side×side 1-bit image of zeros: as an XObject of the page, inside a form
     * XObject, or inline with next to no data. The XObject's data is deflated as it is written, so
     * neither the test nor the file holds the decoded image.
     */
    private static Path drawingHugeImage(Path file, int side, String drawn) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            String content = "q 100 0 0 100 50 50 cm BI /W " + side + " /H " + side + " /BPC 1 /CS /G ID\n\0\0\nEI Q";
            if (drawn.equals("jpeg")) {
                // declares 100x100, while the JPEG's own frame header says side x side
                COSStream image = document.getDocument().createCOSStream();
                image.setItem(COSName.SUBTYPE, COSName.IMAGE);
                image.setInt(COSName.WIDTH, 100);
                image.setInt(COSName.HEIGHT, 100);
                image.setInt(COSName.BITS_PER_COMPONENT, 8);
                image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
                image.setItem(COSName.FILTER, COSName.DCT_DECODE);
                try (OutputStream raw = image.createRawOutputStream()) {
                    raw.write(new byte[] {
                        (byte) 0xFF,
                        (byte) 0xD8,
                        (byte) 0xFF,
                        (byte) 0xE0,
                        0,
                        4,
                        0,
                        0,
                        (byte) 0xFF,
                        (byte) 0xC0,
                        0,
                        11,
                        8,
                        (byte) (side >> 8),
                        (byte) side,
                        (byte) (side >> 8),
                        (byte) side,
                        1,
                        1,
                        0x11,
                        0,
                        (byte) 0xFF,
                        (byte) 0xD9
                    });
                }
                page.getCOSObject().setItem(COSName.RESOURCES, xObjects("X0", image));
                content = "q 100 0 0 100 50 50 cm /X0 Do Q";
            } else if (!drawn.equals("inline")) {
                COSStream image = document.getDocument().createCOSStream();
                image.setItem(COSName.SUBTYPE, COSName.IMAGE);
                image.setInt(COSName.WIDTH, side);
                image.setInt(COSName.HEIGHT, side);
                image.setInt(COSName.BITS_PER_COMPONENT, 1);
                image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
                image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                try (OutputStream z = new DeflaterOutputStream(image.createRawOutputStream(), deflater, 1 << 16)) {
                    byte[] row = new byte[(side + 7) / 8];
                    for (int y = 0; y < side; y++) {
                        z.write(row);
                    }
                } finally {
                    deflater.end();
                }
                COSStream drawing = image;
                if (drawn.equals("form")) {
                    drawing = document.getDocument().createCOSStream();
                    drawing.setItem(COSName.SUBTYPE, COSName.FORM);
                    drawing.setItem(COSName.BBOX, new PDRectangle(1, 1).getCOSArray());
                    drawing.setItem(COSName.RESOURCES, xObjects("Im0", image));
                    try (OutputStream out = drawing.createOutputStream()) {
                        out.write("/Im0 Do".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                page.getCOSObject().setItem(COSName.RESOURCES, xObjects("X0", drawing));
                content = "q 100 0 0 100 50 50 cm /X0 Do Q";
                if (drawn.equals("inherited")) {
                    // the page has no resources of its own: it inherits those of the page tree
                    page.getCOSObject().removeItem(COSName.RESOURCES);
                    document.getPages().getCOSObject().setItem(COSName.RESOURCES, xObjects("X0", drawing));
                } else if (drawn.equals("type3")) {
                    page.getCOSObject().setItem(COSName.RESOURCES, named(COSName.FONT, "F0", type3(document, image)));
                    content = "BT /F0 100 Tf 50 50 Td (a) Tj ET";
                } else if (drawn.equals("softmask")) {
                    COSDictionary mask = new COSDictionary();
                    mask.setItem(COSName.S, COSName.LUMINOSITY);
                    mask.setItem(COSName.G, form(document, image));
                    COSDictionary state = new COSDictionary();
                    state.setItem(COSName.SMASK, mask);
                    page.getCOSObject().setItem(COSName.RESOURCES, named(COSName.EXT_G_STATE, "GS0", state));
                    content = "q /GS0 gs 0 0 100 100 re f Q";
                }
            }
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream()) {
                out.write(content.getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(contents);
            document.save(file.toFile());
        }
        return file;
    }

    private static COSDictionary named(COSName kind, String name, COSBase object) {
        COSDictionary named = new COSDictionary();
        named.setItem(COSName.getPDFName(name), object);
        COSDictionary resources = new COSDictionary();
        resources.setItem(kind, named);
        return resources;
    }

    /** A form drawing {@code image} as /Im0. */
    private static COSStream form(PDDocument document, COSStream image) throws IOException {
        COSStream form = document.getDocument().createCOSStream();
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        form.setItem(COSName.BBOX, new PDRectangle(1, 1).getCOSArray());
        form.setItem(COSName.RESOURCES, xObjects("Im0", image));
        try (OutputStream out = form.createOutputStream()) {
            out.write("/Im0 Do".getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    /** A Type 3 font whose glyph a draws {@code image}. */
    private static COSDictionary type3(PDDocument document, COSStream image) throws IOException {
        COSStream glyph = document.getDocument().createCOSStream();
        try (OutputStream out = glyph.createOutputStream()) {
            out.write("1 0 0 0 1 1 d1 /Im0 Do".getBytes(StandardCharsets.US_ASCII));
        }
        COSDictionary procedures = new COSDictionary();
        procedures.setItem(COSName.getPDFName("a"), glyph);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE3);
        font.setItem(COSName.FONT_BBOX, new PDRectangle(1, 1).getCOSArray());
        COSArray matrix = new COSArray();
        for (float value : new float[] {0.001f, 0, 0, 0.001f, 0, 0}) {
            matrix.add(new COSFloat(value));
        }
        font.setItem(COSName.FONT_MATRIX, matrix);
        font.setItem(COSName.CHAR_PROCS, procedures);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(97));
        differences.add(COSName.getPDFName("a"));
        encoding.setItem(COSName.DIFFERENCES, differences);
        font.setItem(COSName.ENCODING, encoding);
        font.setInt(COSName.FIRST_CHAR, 97);
        font.setInt(COSName.LAST_CHAR, 97);
        COSArray widths = new COSArray();
        widths.add(COSInteger.get(1000));
        font.setItem(COSName.WIDTHS, widths);
        font.setItem(COSName.RESOURCES, xObjects("Im0", image));
        return font;
    }

    private static COSDictionary xObjects(String name, COSStream object) {
        COSDictionary named = new COSDictionary();
        named.setItem(COSName.getPDFName(name), object);
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.XOBJECT, named);
        return resources;
    }

    /** A PNG that claims 30000x30000 pixels in a few hundred bytes: refused before decoding. */
    private static Path bomb(Path file) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(30000)
                .putInt(30000)
                .put((byte) 1)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[30000 * 3751]);
        deflater.finish();
        byte[] buffer = new byte[1 << 20];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return Files.write(file, png.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
