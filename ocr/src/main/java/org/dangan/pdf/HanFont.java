package org.dangan.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font with Han characters, embedded as a subset into one document; .ttc collections
 * (Debian's wqy-zenhei) give their first font. Close it after the document is saved: the subset
 * is written from the parsed font.
 *
 * <p>Parsing wqy-zenhei for every document made each searchable PDF, label sheet and printed
 * report hold a font collection of its own, and nodes recognising pages in parallel grew by
 * hundreds of megabytes (issue 21). A parsed font is kept per node and lent to one document at a
 * time: fontbox reads glyphs through one shared file position, so two documents subsetting from
 * one parsed font at once could read each other's glyphs. Concurrent documents each borrow their
 * own, so a node parses the file as many times as it ever wrote documents at once, not once per
 * document.
 */
public final class HanFont implements AutoCloseable {

    /** Debian's fonts-wqy-zenhei: TrueType outlines (which PDFBox embeds) with Han characters and Latin letters. */
    public static final Path DEFAULT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private static final ConcurrentMap<Path, Queue<TrueTypeFont>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicInteger PARSES = new AtomicInteger();

    private final Queue<TrueTypeFont> idle;
    private TrueTypeFont parsed;
    private final PDType0Font font;

    public HanFont(PDDocument document, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("font " + file + " is missing: install Debian's fonts-wqy-zenhei"
                    + " or set dangan.pdf.font to a TrueType font (.ttf or .ttc) with Han characters");
        }
        Path key = file.toAbsolutePath().normalize();
        idle = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        TrueTypeFont lent = idle.poll();
        parsed = lent != null ? lent : parse(key);
        try {
            font = PDType0Font.load(document, parsed, true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot load font " + file, e);
        }
    }

    public PDType0Font font() {
        return font;
    }

    /** How many times this node has parsed a font file: as many as documents were ever written at once. */
    static int parses() {
        return PARSES.get();
    }

    /** Gives the parsed font back for the next document; the document must be saved (or dropped) by now. */
    @Override
    public void close() {
        if (parsed != null) {
            idle.offer(parsed);
            parsed = null;
        }
    }

    /** Parses the file; the font keeps it open for the life of the node. */
    private static TrueTypeFont parse(Path file) {
        PARSES.incrementAndGet();
        try {
            if (file.toString().endsWith(".ttc")) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                new TrueTypeCollection(file.toFile()).processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                return first[0];
            }
            return new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + file, e);
        }
    }
}
