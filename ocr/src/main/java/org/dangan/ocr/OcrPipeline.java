package org.dangan.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.dangan.ocr.paddle.PaddleEngine;

/**
 * Reads a scanned document into text and a searchable PDF. Pages run in parallel on a bounded
 * pool (one thread per core by default), each worker with its own Tesseract engine; a page is
 * checked (resolution, blank, skew), straightened when skewed, recognised upright, and kept as it
 * was scanned (colour or gray JPEG, 1-bit CCITT G4: {@link Images#kindOf}) in a temporary file
 * with its text until the PDF is written, so memory holds the few page
 * images being worked on, not all of them. A document of more pages, or a page of more pixels, than
 * the {@link Limits} allow is unreadable, refused before any page is decoded.
 * Tesseract's own OpenMP threads fight such a pool: run the JVM with {@code OMP_THREAD_LIMIT=1}.
 */
public final class OcrPipeline implements AutoCloseable {

    private final Path tessdata;
    private final Path font;
    private final ExecutorService pool;
    private final int threads;
    private final ThreadLocal<Map<String, Recognizer>> engines = ThreadLocal.withInitial(HashMap::new);
    private final List<Recognizer> all = Collections.synchronizedList(new ArrayList<>());
    private final Limits limits;
    /**
     * Tesseract's orientation pass costs about a second a page, PP-OCR's line classifier a tenth.
     * After this many pages of a document read upright and well, the rest are taken as upright, and
     * one that then reads below {@link #ORIENTATION_AGAIN_BELOW} (PP-OCR: its own threshold, and a
     * page whose lines stand on end) has its orientation checked after all.
     */
    static final int UPRIGHT_PAGES_TRUSTED = 2;

    static final float ORIENTATION_AGAIN_BELOW = 60;
    /** Shared by the workers (ONNX Runtime sessions run concurrently); null when the node has no models. */
    private final PaddleEngine paddle;

    /** How much of a document is read at all: pages of one document, pixels of one page. */
    public record Limits(int maxPages, long maxPixelsPerPage) {
        public static final Limits DEFAULT = new Limits(500, DocumentReader.MAX_PIXELS);
    }

    public OcrPipeline(Path tessdata, Path font, int threads) {
        this(tessdata, font, threads, Limits.DEFAULT);
    }

    public OcrPipeline(Path tessdata, Path font, int threads, Limits limits) {
        this(tessdata, font, threads, limits, null);
    }

    public OcrPipeline(Path tessdata, Path font, int threads, Limits limits, PaddleEngine paddle) {
        this.paddle = paddle;
        this.limits = limits;
        this.tessdata = tessdata;
        this.font = font;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            // below the requests' priority: a page may wait, a person at a screen should not
            Thread t = new Thread(
                    () -> {
                        WorkerPriority.lowerCurrentThread();
                        r.run();
                    },
                    "ocr-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Called after each page with pages done and pages in all. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void pages(int done, int total);
    }

    /** A recognised page; its encoded image waits in a temporary file of the result until the PDF is written. */
    public record Page(
            int number,
            int widthPx,
            int heightPx,
            int dpi,
            PageQuality quality,
            PageText text,
            Path imageFile,
            SearchablePdf.Encoding encoding) {

        public SearchablePdf.PageImage image() {
            try {
                return new SearchablePdf.PageImage(Files.readAllBytes(imageFile), encoding, widthPx, heightPx, dpi);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The pages of a document and the engine that read them; closing it removes the page images. */
    public record Result(List<Page> pages, Path directory, Engine engine) implements AutoCloseable {

        @Override
        public void close() {
            removeAll(directory);
        }

        public String text() {
            StringBuilder all = new StringBuilder();
            for (Page p : pages) {
                all.append(p.text().text()).append("\n\f");
            }
            return all.toString();
        }

        public double meanConfidence() {
            return pages.stream()
                    .mapToDouble(p -> p.text().meanConfidence())
                    .average()
                    .orElse(0);
        }
    }

    /** Reads every page with Tesseract in {@code languages}. */
    public Result process(Path input, String languages, Progress progress) {
        return process(input, Engine.TESSERACT, languages, progress);
    }

    /** The engine that reads when {@code wanted} is asked for: PP-OCR falls back to Tesseract on a node without its models. */
    public Engine engineFor(Engine wanted) {
        return wanted == Engine.PADDLE && paddle == null ? Engine.TESSERACT : wanted;
    }

    /**
     * Reads and recognises every page with the engine asked for ({@link #engineFor}; Tesseract reads
     * in {@code languages}, PP-OCR reads Chinese and English whatever they are); a page that cannot be
     * read fails the document with its reason.
     */
    public Result process(Path input, Engine engine, String languages, Progress progress) {
        Engine used = engineFor(engine);
        Path directory;
        try {
            directory = Files.createTempDirectory("dangan-ocr-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the pages", e);
        }
        try {
            return new Result(process(input, used, languages, progress, directory), directory, used);
        } catch (RuntimeException | Error e) {
            removeAll(directory);
            throw e;
        }
    }

    private List<Page> process(Path input, Engine engine, String languages, Progress progress, Path directory) {
        List<Future<Page>> futures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        // pages read upright with good confidence so far; a turned page sets it negative for good
        AtomicInteger upright = new AtomicInteger();
        Semaphore inFlight = new Semaphore(threads * 2);
        try (DocumentReader.Pages pages = DocumentReader.open(input, limits.maxPixelsPerPage())) {
            int total = pages.count();
            if (total > limits.maxPages()) {
                throw new UnreadableDocumentException("the document has " + total + " pages, more than the "
                        + limits.maxPages() + " allowed; split it");
            }
            for (int i = 0; i < total; i++) {
                inFlight.acquireUninterruptibly();
                SourcePage source;
                try {
                    source = pages.page(i);
                } catch (RuntimeException e) {
                    inFlight.release();
                    futures.forEach(f -> f.cancel(true));
                    throw e;
                }
                futures.add(pool.submit(() -> {
                    try {
                        Page page = page(source, engine, languages, directory, upright);
                        progress.pages(done.incrementAndGet(), total);
                        return page;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        List<Page> result = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            Future<Page> f = futures.get(i);
            try {
                result.add(f.get());
            } catch (InterruptedException e) {
                futures.forEach(rest -> rest.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recognising", e);
            } catch (ExecutionException e) {
                futures.forEach(rest -> rest.cancel(true));
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return result;
    }

    private Page page(SourcePage source, Engine engine, String languages, Path directory, AtomicInteger upright) {
        BufferedImage gray = Images.gray(source.image());
        PageQuality quality = PageQuality.of(gray, source.dpi());
        // the page is laid out, stored and shown at the declared resolution, else at one assumed from
        // its size; recognition and the quality check are told only what the file declares
        int layoutDpi = source.dpi() > 0
                ? source.dpi()
                : SearchablePdf.assumedDpi(
                        source.image().getWidth(), source.image().getHeight());
        // recognition reads the page as scanned (colour included) unless it had to be straightened
        BufferedImage toRead = source.image();
        if (quality.issues().contains(PageQuality.Issue.SKEWED)) {
            gray = Images.deskew(gray, -quality.skewDegrees());
            toRead = gray;
        }
        PageText text;
        if (source.textLayer() != null) {
            text = new PageText(HanSpacing.clean(source.textLayer()), List.of(), List.of(), 100, 0, 0, true);
        } else if (quality.blank()) {
            text = new PageText("", List.of(), List.of(), 0, 0, 0, false);
        } else if (engine == Engine.PADDLE) {
            boolean uprightLikely = upright.get() >= UPRIGHT_PAGES_TRUSTED;
            text = paddle.read(toRead, uprightLikely);
            countUpright(upright, text, uprightLikely, PaddleEngine.ORIENTATION_AGAIN_BELOW);
        } else {
            Recognizer recognizer = engines.get().computeIfAbsent(languages, l -> {
                Recognizer r = new Recognizer(tessdata, l);
                all.add(r);
                return r;
            });
            boolean skipOrientation = upright.get() >= UPRIGHT_PAGES_TRUSTED;
            text = recognizer.recognize(toRead, source.dpi(), !skipOrientation);
            if (skipOrientation
                    && text.meanConfidence() < ORIENTATION_AGAIN_BELOW
                    && recognizer.orientationOf(toRead, source.dpi()) != 0) {
                // a turned page among upright ones reads badly: the orientation pass says whether it
                // is turned; only then is it read again (a faint upright page is not read twice)
                text = recognizer.recognize(toRead, source.dpi(), true);
            }
            countUpright(upright, text, skipOrientation, ORIENTATION_AGAIN_BELOW);
        }
        if (text.rotation() != 0) {
            gray = Images.rotate(gray, text.rotation());
        }
        SearchablePdf.PageImage kept =
                SearchablePdf.PageImage.of(kept(source, gray, quality, text.rotation()), layoutDpi);
        Path file = directory.resolve(
                "page-" + source.number() + (kept.encoding() == SearchablePdf.Encoding.JPEG ? ".jpg" : ".g4"));
        try {
            Files.write(file, kept.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(
                source.number(), kept.widthPx(), kept.heightPx(), layoutDpi, quality, text, file, kept.encoding());
    }

    /** Counts a page read upright and well whose orientation was checked; a turned page ends the trust for good. */
    private static void countUpright(AtomicInteger upright, PageText text, boolean trusted, float sureFrom) {
        if (text.rotation() != 0) {
            upright.set(Integer.MIN_VALUE);
        } else if (!trusted && text.meanConfidence() >= sureFrom) {
            upright.incrementAndGet();
        }
    }

    /**
     * The page as the PDF keeps it, of the scan's own kind, straightened and turned upright like the
     * gray image that was read: colour stays colour (a red seal red), a 1-bit scan 1-bit.
     */
    private static BufferedImage kept(SourcePage source, BufferedImage gray, PageQuality quality, int rotation) {
        return switch (Images.kindOf(source.kept())) {
            case GRAY -> gray;
            // a straightened 1-bit page is gray at its edges: thresholded back, it stays 1-bit
            case BILEVEL -> Images.bilevel(gray);
            case COLOUR -> {
                BufferedImage colour = Images.rgb(source.kept());
                if (quality.issues().contains(PageQuality.Issue.SKEWED)) {
                    colour = Images.deskew(colour, -quality.skewDegrees());
                }
                yield Images.rotate(colour, rotation);
            }
        };
    }

    /** Writes the searchable PDF (PDF/A-2b) of a processed document. */
    public void writePdf(Result result, String title, OutputStream out) {
        try (SearchablePdf pdf = new SearchablePdf(font)) {
            for (Page p : result.pages()) {
                pdf.addPage(p.image(), p.text().lines());
            }
            pdf.save(out, title);
        }
    }

    private static void removeAll(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // the temporary directory is the system's to clear; a page image left there harms no one
        }
    }

    /** The nice value of a worker thread, as the kernel keeps it: what the workers' CPU priority is. */
    int workerNice() throws Exception {
        return pool.submit(WorkerPriority::currentNice).get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        // engines are freed with their threads' end; the handles are closed here for a clean exit
        synchronized (all) {
            all.forEach(Recognizer::close);
            all.clear();
        }
    }
}
