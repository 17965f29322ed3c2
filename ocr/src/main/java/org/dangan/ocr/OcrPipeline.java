package org.dangan.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reads a scanned document into text and a searchable PDF. Pages run in parallel on a bounded
 * pool (one thread per core by default), each worker with its own Tesseract engine; a page is
 * checked (resolution, blank, skew), straightened when skewed, recognised upright, and kept as a
 * JPEG with its text until the PDF is written, so memory holds a few page images, not all.
 * Tesseract's own OpenMP threads fight such a pool: run the JVM with {@code OMP_THREAD_LIMIT=1}.
 */
public final class OcrPipeline implements AutoCloseable {

    private final Path tessdata;
    private final Path font;
    private final ExecutorService pool;
    private final int threads;
    private final ThreadLocal<java.util.Map<String, Recognizer>> engines = ThreadLocal.withInitial(java.util.HashMap::new);
    private final List<Recognizer> all = java.util.Collections.synchronizedList(new ArrayList<>());

    public OcrPipeline(Path tessdata, Path font, int threads) {
        this.tessdata = tessdata;
        this.font = font;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "ocr-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Called after each page with pages done and pages in all. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void pages(int done, int total);
    }

    public record Page(int number, int widthPx, int heightPx, int dpi, PageQuality quality, PageText text,
                       byte[] jpeg) {
    }

    public record Result(List<Page> pages) {

        public String text() {
            StringBuilder all = new StringBuilder();
            for (Page p : pages) {
                all.append(p.text().text()).append("\n\f");
            }
            return all.toString();
        }

        public double meanConfidence() {
            return pages.stream().mapToDouble(p -> p.text().meanConfidence()).average().orElse(0);
        }
    }

    /** Reads and recognises every page; a page that cannot be read fails the document with its reason. */
    public Result process(Path input, String languages, Progress progress) {
        List<Future<Page>> futures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        Semaphore inFlight = new Semaphore(threads * 2);
        try (DocumentReader.Pages pages = DocumentReader.open(input)) {
            int total = pages.count();
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
                        Page page = page(source, languages);
                        progress.pages(done.incrementAndGet(), total);
                        return page;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        List<Page> result = new ArrayList<>();
        for (Future<Page> f : futures) {
            try {
                result.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recognising", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return new Result(result);
    }

    private Page page(SourcePage source, String languages) {
        PageQuality quality = PageQuality.of(source.image(), source.dpi());
        BufferedImage gray = Images.gray(source.image());
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
        } else {
            text = engines.get().computeIfAbsent(languages, l -> {
                Recognizer r = new Recognizer(tessdata, l);
                all.add(r);
                return r;
            }).recognize(toRead, source.dpi());
            if (text.rotation() != 0) {
                gray = Images.rotate(gray, text.rotation());
            }
        }
        return new Page(source.number(), gray.getWidth(), gray.getHeight(), source.dpi(), quality, text, jpeg(gray));
    }

    /** Writes the searchable PDF (PDF/A-2b) of a processed document. */
    public void writePdf(Result result, String title, OutputStream out) {
        try (SearchablePdf pdf = new SearchablePdf(font)) {
            for (Page p : result.pages()) {
                pdf.addPage(p.jpeg(), p.widthPx(), p.heightPx(), p.dpi(), p.text().lines());
            }
            pdf.save(out, title);
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
