package org.dangan.workflow.search;

/** Snippets for hits whose text holds no match (found by the name or the record number). */
final class Snippets {

    static final int LENGTH = 120;

    private Snippets() {}

    /** The page's opening characters, HTML-escaped as highlighted snippets are. */
    static String opening(String text) {
        String start = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (start.length() > LENGTH) {
            start = start.substring(0, LENGTH) + "…";
        }
        return start.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
