package org.dangan.ocr;

import java.util.regex.Pattern;

/**
 * Tesseract separates Han characters by spaces ("健 康 档 案"); Chinese has none, and a search
 * for 健康 must find the text. Removes whitespace between two Han characters or CJK punctuation,
 * keeps it between Latin words and keeps line breaks between lines.
 */
public final class HanSpacing {

    private static final String HAN = "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]";
    private static final Pattern BETWEEN_HAN = Pattern.compile("(?<=" + HAN + ")[ \\t\\u3000]+(?=" + HAN + ")");

    private HanSpacing() {
    }

    public static String clean(String text) {
        return text == null ? "" : BETWEEN_HAN.matcher(text).replaceAll("");
    }
}
