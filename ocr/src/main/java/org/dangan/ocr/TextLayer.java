package org.dangan.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a reviewer's corrected text of a page on the page, so the searchable PDF finds what the
 * reviewer wrote, not what Tesseract misread. A correction usually keeps the lines: each corrected
 * line then takes the box its recognised line had. When lines were added or removed the old boxes
 * no longer say where a line stands, and the corrected lines share the area the recognised ones
 * covered (the whole page, inside a margin, when nothing was recognised), top to bottom.
 */
public final class TextLayer {

    private TextLayer() {}

    public static List<TextBox> fit(String corrected, List<TextBox> recognised, int widthPx, int heightPx) {
        List<String> lines = corrected == null
                ? List.of()
                : corrected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<TextBox> placed = new ArrayList<>();
        if (lines.isEmpty()) {
            return placed;
        }
        if (lines.size() == recognised.size()) {
            for (int i = 0; i < lines.size(); i++) {
                TextBox box = recognised.get(i);
                placed.add(new TextBox(lines.get(i), box.x(), box.y(), box.width(), box.height(), 100));
            }
            return placed;
        }
        int left;
        int top;
        int right;
        int bottom;
        if (recognised.isEmpty()) {
            left = widthPx / 20;
            top = heightPx / 20;
            right = widthPx - left;
            bottom = heightPx - top;
        } else {
            left = recognised.stream().mapToInt(TextBox::x).min().orElseThrow();
            top = recognised.stream().mapToInt(TextBox::y).min().orElseThrow();
            right = recognised.stream().mapToInt(b -> b.x() + b.width()).max().orElseThrow();
            bottom = recognised.stream().mapToInt(b -> b.y() + b.height()).max().orElseThrow();
        }
        int pitch = Math.max(1, (bottom - top) / lines.size());
        // no taller than a line of the recognised page would be, so a short correction does not
        // come out as a few giant lines
        int lineHeight = Math.max(
                1,
                recognised.isEmpty()
                        ? Math.min(pitch, heightPx / 40)
                        : Math.min(
                                pitch,
                                recognised.stream()
                                        .mapToInt(TextBox::height)
                                        .max()
                                        .orElseThrow()));
        for (int i = 0; i < lines.size(); i++) {
            placed.add(new TextBox(lines.get(i), left, top + i * pitch, Math.max(1, right - left), lineHeight, 100));
        }
        return placed;
    }
}
