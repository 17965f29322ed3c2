package org.dangan.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Splits a stack scanned in one go at its separator sheets: each part is the pages after a sheet,
 * for the sheet's record and document type, written as a PDF of the page images. Pages before
 * the first sheet belong to no record and are reported, not guessed.
 */
public final class ScanSplitter {

    private ScanSplitter() {}

    public record Part(SeparatorSheet.Target target, int firstPage, int lastPage, Path pdf) {}

    public record Split(List<Part> parts, int unassignedPages) {}

    public static Split split(Path scan, Path outputDir) {
        List<Part> parts = new ArrayList<>();
        int unassigned = 0;
        try (DocumentReader.Pages pages = DocumentReader.open(scan)) {
            PDDocument current = null;
            SeparatorSheet.Target target = null;
            int first = 0;
            for (int i = 0; i < pages.count(); i++) {
                SourcePage page = pages.page(i);
                var separator = SeparatorSheet.read(page.image());
                if (separator.isPresent()) {
                    close(current, target, first, i, outputDir, parts);
                    current = new PDDocument();
                    // a fixed ID instead of one from the clock: the same stack splits into the same
                    // bytes, so a part submitted twice (after a crash) is recognised as the same document
                    current.setDocumentId((long) (i + 2));
                    target = separator.get();
                    first = i + 2;
                    continue;
                }
                if (current == null) {
                    unassigned++;
                    continue;
                }
                int dpi = page.dpi() > 0 ? page.dpi() : DocumentReader.RENDER_DPI;
                PDPage pdfPage = new PDPage(new PDRectangle(
                        page.image().getWidth() * 72f / dpi, page.image().getHeight() * 72f / dpi));
                current.addPage(pdfPage);
                try (PDPageContentStream c = new PDPageContentStream(current, pdfPage)) {
                    c.drawImage(
                            LosslessFactory.createFromImage(current, Images.gray(page.image())),
                            0,
                            0,
                            pdfPage.getMediaBox().getWidth(),
                            pdfPage.getMediaBox().getHeight());
                }
            }
            close(current, target, first, pages.count(), outputDir, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Split(parts, unassigned);
    }

    private static void close(
            PDDocument part, SeparatorSheet.Target target, int first, int last, Path dir, List<Part> parts)
            throws IOException {
        if (part == null) {
            return;
        }
        try (part) {
            if (part.getNumberOfPages() == 0) {
                return;
            }
            Path file = dir.resolve("part-" + (parts.size() + 1) + "-" + target.recordNumber() + ".pdf");
            part.save(file.toFile());
            parts.add(new Part(target, first, last, file));
        }
    }
}
