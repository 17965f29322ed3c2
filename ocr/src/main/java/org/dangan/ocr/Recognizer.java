package org.dangan.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract engine (Debian's libtesseract 5 through tess4j) for one thread: Tesseract handles
 * are not thread-safe, so each worker of the pool owns one and keeps it for the languages it was
 * made for. Pages scanned sideways or upside down are turned upright first by Tesseract's
 * orientation detection (needs tesseract-ocr-osd), then read with automatic page segmentation.
 */
public final class Recognizer implements AutoCloseable {

    public static final Path DEFAULT_DATA = Tesseract.DEFAULT_DATA;
    /** Below this OSD confidence the page is read as it lies (few characters, or none). */
    static final float ORIENTATION_CONFIDENCE = 2.0f;

    /** Loaded at the first call, not with this class: a JVM without libtesseract still starts. */
    private static final TessAPI API = Tesseract.api();

    private final TessBaseAPI handle;
    /** Orientation needs its own engine on the osd model: the language models answer nonsense. */
    private final TessBaseAPI osd;

    private final String languages;

    public Recognizer(Path dataPath, String languages) {
        Tesseract.unavailable(dataPath, languages).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        this.languages = languages;
        this.handle = API.TessBaseAPICreate();
        if (API.TessBaseAPIInit3(handle, dataPath.toString(), languages) != 0) {
            API.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not load " + languages + " from " + dataPath);
        }
        this.osd = API.TessBaseAPICreate();
        if (API.TessBaseAPIInit3(osd, dataPath.toString(), "osd") != 0) {
            API.TessBaseAPIDelete(osd);
            close();
            throw new IllegalStateException("Tesseract could not load its orientation model from " + dataPath);
        }
    }

    public String languages() {
        return languages;
    }

    /** Reads one page; {@code dpi} is the scan's resolution when known, else 0 (Tesseract estimates). */
    public PageText recognize(BufferedImage page, int dpi) {
        return recognize(page, dpi, true);
    }

    /** Reads one page; without {@code orientation} the page is taken as upright (saves about a second). */
    public PageText recognize(BufferedImage page, int dpi, boolean orientation) {
        long start = System.nanoTime();
        BufferedImage gray = Images.gray(page);
        int rotation = orientation ? orientation(gray, dpi) : 0;
        // a colour scan is handed over in colour: Tesseract thresholds each channel and keeps the
        // best, which reads faint coloured print better than any one gray conversion
        BufferedImage source = page.getColorModel().getNumColorComponents() >= 3 ? Images.rgb(page) : gray;
        BufferedImage upright = rotation == 0 ? source : Images.rotate(source, rotation);
        setImage(upright, dpi);
        API.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
        if (API.TessBaseAPIRecognize(handle, null) != 0) {
            throw new IllegalStateException("Tesseract failed to recognise the page");
        }
        // the page's text is its lines in reading order (columns, table rows), as with PP-OCR
        List<TextBox> lines = ReadingOrder.of(boxes(TessPageIteratorLevel.RIL_TEXTLINE));
        List<TextBox> words = boxes(TessPageIteratorLevel.RIL_WORD);
        float mean = API.TessBaseAPIMeanTextConf(handle);
        API.TessBaseAPIClear(handle);
        return new PageText(
                ReadingOrder.text(lines).strip(),
                lines,
                words,
                lines.isEmpty() ? 0 : mean,
                rotation,
                (System.nanoTime() - start) / 1_000_000,
                false);
    }

    /** Clockwise degrees that make the page upright, or 0 when OSD is unsure (the orientation pass alone). */
    public int orientationOf(BufferedImage page, int dpi) {
        return orientation(Images.gray(page), dpi);
    }

    /** Clockwise degrees that make the page upright, or 0 when OSD is unsure. */
    private int orientation(BufferedImage gray, int dpi) {
        setImage(osd, gray, dpi);
        API.TessBaseAPISetPageSegMode(osd, TessPageSegMode.PSM_OSD_ONLY);
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer confidence = FloatBuffer.allocate(1);
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        PointerByReference script = new PointerByReference();
        int ok = API.TessBaseAPIDetectOrientationScript(osd, degrees, confidence, script, scriptConfidence);
        API.TessBaseAPIClear(osd);
        if (ok == 0 || confidence.get(0) < ORIENTATION_CONFIDENCE) {
            return 0;
        }
        // Tesseract says how far the page is turned clockwise; turning it back is the rest of a circle
        return Math.floorMod(360 - degrees.get(0), 360);
    }

    private void setImage(BufferedImage gray, int dpi) {
        setImage(handle, gray, dpi);
    }

    /** Hands an 8-bit gray or a 24-bit RGB ({@link Images#rgb}) image to Tesseract. */
    private static void setImage(TessBaseAPI handle, BufferedImage image, int dpi) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        int bytesPerPixel = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        API.TessBaseAPISetImage(
                handle, buffer, image.getWidth(), image.getHeight(), bytesPerPixel, image.getWidth() * bytesPerPixel);
        if (dpi > 0) {
            API.TessBaseAPISetSourceResolution(handle, dpi);
        }
    }

    /**
     * The recognised lines or words with their boxes. Tesseract's LSTM reports reliable boxes for
     * lines but not for single Han characters (several come back one pixel wide), so the text layer
     * places each line in its box and stretches it to the box's width.
     */
    private List<TextBox> boxes(int level) {
        List<TextBox> boxes = new ArrayList<>();
        TessResultIterator it = API.TessBaseAPIGetIterator(handle);
        if (it == null) {
            return boxes;
        }
        TessPageIterator page = API.TessResultIteratorGetPageIterator(it);
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        do {
            Pointer p = API.TessResultIteratorGetUTF8Text(it, level);
            if (p == null) {
                continue;
            }
            String text = HanSpacing.clean(p.getString(0, "UTF-8")).strip();
            API.TessDeleteText(p);
            if (text.isEmpty()) {
                continue;
            }
            API.TessPageIteratorBoundingBox(page, level, left, top, right, bottom);
            boxes.add(new TextBox(
                    text,
                    left.get(0),
                    top.get(0),
                    right.get(0) - left.get(0),
                    bottom.get(0) - top.get(0),
                    API.TessResultIteratorConfidence(it, level)));
        } while (API.TessResultIteratorNext(it, level) == 1);
        API.TessResultIteratorDelete(it);
        return boxes;
    }

    @Override
    public void close() {
        API.TessBaseAPIEnd(handle);
        API.TessBaseAPIDelete(handle);
        if (osd != null) {
            API.TessBaseAPIEnd(osd);
            API.TessBaseAPIDelete(osd);
        }
    }
}
