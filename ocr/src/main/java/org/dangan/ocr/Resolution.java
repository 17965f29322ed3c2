package org.dangan.ocr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * The resolution an image file declares, in dots per inch, or 0 when it declares none. Only the
 * few bytes of the declaration are read: a PNG's chunks before its image data, a TIFF page's
 * directory. A declaration outside {@link #MIN_DPI}..{@link #MAX_DPI} is a scanner's or an editor's
 * default (72, 1, 0), not the scan's: it counts as none.
 */
final class Resolution {

    static final int MIN_DPI = 50;
    static final int MAX_DPI = 1200;
    /** More chunks or directories than this before the one wanted: not a scan, nothing declared. */
    private static final int MAX_STEPS = 1000;

    private static final int TAG_X_RESOLUTION = 282;
    private static final int TAG_RESOLUTION_UNIT = 296;

    private Resolution() {}

    static int plausible(int dpi) {
        return dpi >= MIN_DPI && dpi <= MAX_DPI ? dpi : 0;
    }

    /** From the standard metadata (pixel size in mm), as JPEG's reader gives JFIF's density. */
    static int standard(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        var root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        var sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return 0;
        }
        float mm = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
        return mm <= 0 ? 0 : Math.round(25.4f / mm);
    }

    /** pHYs: pixels per metre on x, unit 1 (metre); unit 0 gives only the aspect ratio. */
    static int png(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            long position = 8;
            ByteBuffer header = ByteBuffer.allocate(8);
            for (int step = 0; step < MAX_STEPS && read(in, header, position); step++) {
                long length = header.getInt(0) & 0xffffffffL;
                String type = new String(header.array(), 4, 4, StandardCharsets.US_ASCII);
                if (type.equals("IDAT") || type.equals("IEND")) {
                    return 0;
                }
                if (type.equals("pHYs") && length == 9) {
                    ByteBuffer physical = ByteBuffer.allocate(9);
                    if (!read(in, physical, position + 8) || physical.get(8) != 1) {
                        return 0;
                    }
                    return (int) Math.round((physical.getInt(0) & 0xffffffffL) * 0.0254);
                }
                position += 12 + length;
            }
        }
        return 0;
    }

    /** XResolution of the page's directory, in its ResolutionUnit (2 inch, the default; 3 centimetre; 1 none). */
    /**
     * How many pages (image directories) a TIFF holds, walking its list of directories itself: a
     * list that points back to an earlier page would keep the image reader counting for ever.
     * Stops past {@code atMost} (the caller refuses that many); unreadable when the list loops or
     * points outside the file.
     */
    static int tiffPages(Path file, int atMost) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(8);
            if (!read(in, header, 0)) {
                throw new UnreadableDocumentException("the TIFF file is shorter than its header");
            }
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            long directory = header.order(order).getInt(4) & 0xffffffffL;
            ByteBuffer two = ByteBuffer.allocate(2).order(order);
            ByteBuffer four = ByteBuffer.allocate(4).order(order);
            Set<Long> seen = new HashSet<>();
            int pages = 0;
            while (directory != 0 && pages <= atMost) {
                if (!seen.add(directory)) {
                    throw new UnreadableDocumentException(
                            "the TIFF's list of pages loops back after page " + pages + ": a damaged or crafted file");
                }
                if (!read(in, two, directory) || !read(in, four, directory + 2 + 12L * (two.getShort(0) & 0xffff))) {
                    throw new UnreadableDocumentException("page " + (pages + 1) + " of the TIFF lies outside the file");
                }
                pages++;
                directory = four.getInt(0) & 0xffffffffL;
            }
            return pages;
        }
    }

    static int tiff(Path file, int page) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(8);
            if (!read(in, header, 0)) {
                return 0;
            }
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            long directory = header.order(order).getInt(4) & 0xffffffffL;
            ByteBuffer two = ByteBuffer.allocate(2).order(order);
            ByteBuffer four = ByteBuffer.allocate(4).order(order);
            for (int i = 0; i < page; i++) {
                if (i >= MAX_STEPS
                        || !read(in, two, directory)
                        || !read(in, four, directory + 2 + 12L * (two.getShort(0) & 0xffff))) {
                    return 0;
                }
                directory = four.getInt(0) & 0xffffffffL;
            }
            if (directory == 0 || !read(in, two, directory)) {
                return 0;
            }
            int entries = two.getShort(0) & 0xffff;
            ByteBuffer entry = ByteBuffer.allocate(12).order(order);
            double resolution = 0;
            int unit = 2;
            for (int e = 0; e < entries; e++) {
                if (!read(in, entry, directory + 2 + 12L * e)) {
                    return 0;
                }
                int tag = entry.getShort(0) & 0xffff;
                int fieldType = entry.getShort(2) & 0xffff;
                if (tag == TAG_X_RESOLUTION && fieldType == 5) {
                    ByteBuffer rational = ByteBuffer.allocate(8).order(order);
                    if (!read(in, rational, entry.getInt(8) & 0xffffffffL)) {
                        return 0;
                    }
                    long denominator = rational.getInt(4) & 0xffffffffL;
                    resolution = denominator == 0 ? 0 : (rational.getInt(0) & 0xffffffffL) / (double) denominator;
                } else if (tag == TAG_RESOLUTION_UNIT && fieldType == 3) {
                    unit = entry.getShort(8) & 0xffff;
                }
            }
            // in double until judged: a resolution of billions per centimetre must not wrap into a plausible one
            double dpi = switch (unit) {
                case 2 -> resolution;
                case 3 -> resolution * 2.54;
                default -> 0;
            };
            return dpi > Integer.MAX_VALUE ? 0 : (int) Math.round(dpi);
        }
    }

    /** Fills the buffer from the position; false when the file ends first. */
    private static boolean read(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                return false;
            }
        }
        return true;
    }
}
