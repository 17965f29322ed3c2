package org.dangan.ocr.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.Recognizer;
import org.dangan.pdf.PrintedSheet;

/**
 * The size of the searchable PDF beside its input, and how each page image is stored (filter,
 * colour space, bits, page size in points): a benchmark, not a test.
 *   run by src/bench/pdf-size.sh languages file...
 */
public final class PdfSizeBenchmark {

    private PdfSizeBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println(
                "| input | input KB | searchable PDF KB | seconds (2 threads) | pages: filter, colour space, bits, points |");
        System.out.println("|---|---|---|---|---|");
        try (OcrPipeline pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 2)) {
            for (int i = 1; i < args.length; i++) {
                Path input = Path.of(args[i]);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long start = System.nanoTime();
                try (OcrPipeline.Result result = pipeline.process(input, args[0], OcrPipeline.Progress.NONE)) {
                    pipeline.writePdf(result, input.getFileName().toString(), out);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                StringBuilder pages = new StringBuilder();
                try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
                    for (PDPage page : pdf.getPages()) {
                        for (var name : page.getResources().getXObjectNames()) {
                            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                                pages.append(pages.isEmpty() ? "" : "; ")
                                        .append(image.getStream().getFilters())
                                        .append(' ')
                                        .append(image.getColorSpace().getName())
                                        .append(' ')
                                        .append(image.getBitsPerComponent())
                                        .append(" bit ")
                                        .append(Math.round(page.getMediaBox().getWidth()))
                                        .append('x')
                                        .append(Math.round(page.getMediaBox().getHeight()));
                            }
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %d | %.1f | %s |%n",
                        input.getFileName(),
                        Files.size(input) / 1024,
                        out.size() / 1024,
                        seconds,
                        pages);
            }
        }
    }
}
