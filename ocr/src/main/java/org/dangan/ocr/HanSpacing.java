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

    private HanSpacing() {}

    private static final Pattern HAN_CHARACTER = Pattern.compile(HAN);

    /** A Han character or CJK punctuation, between which Chinese puts no space. */
    public static boolean isHan(int codePoint) {
        return HAN_CHARACTER.matcher(new String(Character.toChars(codePoint))).matches();
    }

    public static String clean(String text) {
        return text == null ? "" : BETWEEN_HAN.matcher(text).replaceAll("");
    }
}
