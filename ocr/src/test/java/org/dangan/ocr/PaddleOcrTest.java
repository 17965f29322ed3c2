package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.ocr.bench.OcrBenchmark;
import org.dangan.ocr.paddle.PaddleEngine;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on PP-OCRv4 through ONNX Runtime with the real models: generated report pages, a
 * two-column page and a table read in order, turned pages read upright, the searchable PDF.
 */
class PaddleOcrTest {

    static PaddleEngine paddle;
    static OcrPipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        paddle = OcrModels.engine();
        pipeline = new OcrPipeline(
                Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 2, OcrPipeline.Limits.DEFAULT, paddle);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        paddle.close();
    }

    static double cer(List<String> expected, String found) {
        return OcrBenchmark.cer(String.join("\n", expected), found, true);
    }

    @Test
    void a_chinese_report_page_reads_with_few_errors_and_high_confidence() throws Exception {
        OcrPipeline.Result result = pipeline.process(
                Scans.png(Scans.page(Scans.REPORT), dir.resolve("p.png")),
                Engine.PADDLE,
                "chi_sim",
                OcrPipeline.Progress.NONE);

        assertThat(result.engine()).isEqualTo(Engine.PADDLE);
        PageText page = result.pages().get(0).text();
        assertThat(cer(Scans.REPORT, page.text())).isLessThan(0.03);
        assertThat(page.text()).contains("血常规检验报告单");
        assertThat(page.meanConfidence()).isGreaterThan(90);
        assertThat(page.lines()).hasSize(Scans.REPORT.size());
        // PP-OCR's boxes are tight: the title's line box is about the height of its characters (58 px)
        assertThat(page.lines().get(1).height()).isBetween(50, 110);
        // each Han character is a word, placed within its line
        TextBox title = page.lines().get(1);
        List<TextBox> titleWords =
                page.words().stream().filter(w -> w.y() == title.y()).toList();
        assertThat(titleWords).extracting(TextBox::text).containsSubsequence("血", "常", "规");
        assertThat(titleWords).allSatisfy(w -> assertThat(w.x()).isBetween(title.x(), title.x() + title.width()));
        assertThat(titleWords.get(1).x()).isGreaterThan(titleWords.get(0).x());
    }

    @Test
    void a_two_column_page_reads_column_by_column() throws Exception {
        List<String> left =
                List.of("左栏第一行居民健康档案的管理", "左栏第二行纸质档案停止使用", "左栏第三行检查报告扫描归档", "左栏第四行严重精神障碍患者", "左栏第五行档案移交与接收");
        List<String> right =
                List.of("右栏第一行乡镇卫生院档案室", "右栏第二行县级抽查与市级验收", "右栏第三行核查人员签字确认", "右栏第四行保管期限与销毁", "右栏第五行居民查阅本人档案");
        BufferedImage page = canvas(2480, 1600);
        Graphics2D g = pen(page, 56);
        g.drawString("两栏排版的测试页面", 800, 150);
        for (int i = 0; i < left.size(); i++) {
            g.drawString(left.get(i), 150, 300 + i * 120);
            g.drawString(right.get(i), 1320, 300 + i * 120);
        }
        g.dispose();

        PageText text = pipeline.process(
                        Scans.png(page, dir.resolve("two.png")), Engine.PADDLE, "chi_sim", OcrPipeline.Progress.NONE)
                .pages()
                .get(0)
                .text();

        List<String> expected = new ArrayList<>(List.of("两栏排版的测试页面"));
        expected.addAll(left);
        expected.addAll(right);
        assertThat(cer(expected, text.text())).isLessThan(0.05);
        assertThat(text.text().indexOf("左栏第五行")).isLessThan(text.text().indexOf("右栏第一行"));
    }

    @Test
    void a_lab_table_reads_row_by_row() throws Exception {
        String[][] rows = {{"项目", "结果", "单位"}, {"白细胞", "6.2", "10*9/L"}, {"血红蛋白", "132", "g/L"}, {"血糖", "5.6", "mmol/L"}
        };
        BufferedImage page = canvas(2480, 1000);
        Graphics2D g = pen(page, 56);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                g.drawString(rows[r][c], 200 + c * 700, 200 + r * 150);
            }
        }
        g.dispose();

        String text = pipeline.process(
                        Scans.png(page, dir.resolve("table.png")), Engine.PADDLE, "chi_sim", OcrPipeline.Progress.NONE)
                .pages()
                .get(0)
                .text()
                .text();

        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).replace(" ", "")).isEqualTo("白细胞6.210*9/L");
        assertThat(lines.get(2).replace(" ", "")).isEqualTo("血红蛋白132g/L");
        // the cells of a row stay apart: a search for 目结 finds nothing
        assertThat(lines.get(0)).isEqualTo("项目 结果 单位");
    }

    @Tag("slow") // recognises each page in four orientations
    @Test
    void pages_upside_down_or_sideways_read_upright() throws Exception {
        List<BufferedImage> turned = List.of(
                Images.rotate(Scans.page(Scans.REPORT), 180),
                Images.rotate(Scans.page(Scans.REPORT), 90),
                Images.rotate(Scans.page(Scans.REPORT), 270));

        OcrPipeline.Result result = pipeline.process(
                Scans.pdf(turned, dir.resolve("turned.pdf")), Engine.PADDLE, "chi_sim", OcrPipeline.Progress.NONE);

        assertThat(result.pages()).extracting(p -> p.text().rotation()).containsExactly(180, 270, 90);
        assertThat(result.pages())
                .allSatisfy(p -> assertThat(cer(Scans.REPORT, p.text().text())).isLessThan(0.03));
        // the stored page image is upright too: as wide as the unturned page
        assertThat(result.pages().get(1).widthPx()).isEqualTo(2480);
    }

    @Tag("slow") // recognises a stack of pages
    @Test
    void after_upright_pages_pages_upside_down_or_sideways_are_still_found_and_turned() throws Exception {
        BufferedImage page = Scans.page(Scans.REPORT);
        // one worker, in page order: pages one and two get the classifier's vote, then pages are taken
        // as upright; the fourth reads badly as it lies and is checked, which ends the trust
        try (OcrPipeline one = new OcrPipeline(
                Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1, OcrPipeline.Limits.DEFAULT, paddle)) {
            OcrPipeline.Result result = one.process(
                    Scans.pdf(
                            List.of(page, page, page, Images.rotate(page, 180), Images.rotate(page, 90)),
                            dir.resolve("mixed.pdf")),
                    Engine.PADDLE,
                    "chi_sim",
                    OcrPipeline.Progress.NONE);

            assertThat(result.pages()).extracting(p -> p.text().rotation()).containsExactly(0, 0, 0, 180, 270);
            assertThat(result.pages())
                    .allSatisfy(
                            p -> assertThat(cer(Scans.REPORT, p.text().text())).isLessThan(0.03));
        }
    }

    @Test
    void a_page_taken_as_upright_whose_lines_stand_on_end_is_turned() {
        BufferedImage sideways = Images.rotate(Scans.page(Scans.REPORT), 90);

        PageText read = paddle.read(sideways, true);

        assertThat(read.rotation()).isEqualTo(270);
        assertThat(cer(Scans.REPORT, read.text())).isLessThan(0.03);
    }

    @Test
    void a_blurred_noisy_upright_page_is_not_turned() throws Exception {
        BufferedImage page = Scans.page(Scans.REPORT);
        float[] kernel = new float[11 * 11];
        Arrays.fill(kernel, 1f / kernel.length);
        BufferedImage blurred =
                new ConvolveOp(new Kernel(11, 11, kernel), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
        Random noise = new Random(7);
        for (int y = 0; y < blurred.getHeight(); y++) {
            for (int x = 0; x < blurred.getWidth(); x++) {
                int v = (blurred.getRGB(x, y) & 0xff) + (int) (noise.nextGaussian() * 60);
                v = Math.max(0, Math.min(255, v));
                blurred.setRGB(x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }

        OcrPipeline.Page read = pipeline.process(
                        Scans.png(blurred, dir.resolve("blurred.png")),
                        Engine.PADDLE,
                        "chi_sim",
                        OcrPipeline.Progress.NONE)
                .pages()
                .get(0);

        assertThat(read.text().rotation()).isZero();
        assertThat(read.widthPx()).isEqualTo(2480);
    }

    @Test
    void the_searchable_pdf_carries_the_recognised_lines_and_stays_pdf_a() throws Exception {
        OcrPipeline.Result result = pipeline.process(
                Scans.png(Scans.page(Scans.REPORT), dir.resolve("p.png")),
                Engine.PADDLE,
                "chi_sim",
                OcrPipeline.Progress.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pipeline.writePdf(result, "检验报告", out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text.replaceAll("\\s", "")).contains("血常规检验报告单");
        }
        assertThat(PdfA.violations(out.toByteArray())).isEmpty();
    }

    @Test
    void without_its_models_the_engine_names_the_missing_file_and_the_pipeline_reads_with_tesseract() throws Exception {
        assertThatThrownBy(() -> new PaddleEngine(dir))
                .hasMessageContaining(PaddleEngine.DETECTION)
                .hasMessageContaining("src/dev/ocr-models.sh");
        try (OcrPipeline tesseractOnly = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1)) {
            assertThat(tesseractOnly.engineFor(Engine.PADDLE)).isEqualTo(Engine.TESSERACT);
            OcrPipeline.Result result = tesseractOnly.process(
                    Scans.png(Scans.page(Scans.REPORT), dir.resolve("t.png")),
                    Engine.PADDLE,
                    "chi_sim",
                    OcrPipeline.Progress.NONE);
            assertThat(result.engine()).isEqualTo(Engine.TESSERACT);
            assertThat(Scans.missing(
                            OcrPipelineTest.EXPECTED,
                            result.pages().get(0).text().text()))
                    .isLessThan(0.05);
        }
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D pen(BufferedImage image, int size) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, size));
        return g;
    }
}
