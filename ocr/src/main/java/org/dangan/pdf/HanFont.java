package org.dangan.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font with Han characters, embedded as a subset into one document; .ttc collections
 * (Debian's wqy-zenhei) give their first font. Close it after the document is saved: the subset
 * is written from the open file.
 */
public final class HanFont implements AutoCloseable {

    /** Debian's fonts-wqy-zenhei: TrueType outlines (which PDFBox embeds) with Han characters and Latin letters. */
    public static final Path DEFAULT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private final PDType0Font font;
    private final TrueTypeCollection collection;

    public HanFont(PDDocument document, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("font " + file + " is missing: install Debian's fonts-wqy-zenhei"
                    + " or set dangan.pdf.font to a TrueType font (.ttf or .ttc) with Han characters");
        }
        try {
            if (file.toString().endsWith(".ttc")) {
                collection = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = PDType0Font.load(document, first[0], true);
            } else {
                collection = null;
                font = PDType0Font.load(document, file.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + file, e);
        }
    }

    public PDType0Font font() {
        return font;
    }

    @Override
    public void close() {
        if (collection != null) {
            try {
                collection.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
