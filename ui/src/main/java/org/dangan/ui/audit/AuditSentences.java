package org.dangan.ui.audit;

import com.vaadin.flow.component.UI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dangan.workflow.audit.AuditEntry;

/**
 * An audit entry as a sentence an auditor reads ("查看了扫描件 #12（第 2 页，已说明查阅目的）"): the
 * action and its subject in words, with what the stored detail counts (rows, pages) but none of its
 * free text, which may hold what a user typed about a person (a stated purpose, a query).
 */
final class AuditSentences {

    private static final Pattern COUNT = Pattern.compile(
            "(?:rows=|accepted=)(\\d+)|\\b(\\d+) (?:documents|hits|files|records|items|paper files|file labels)\\b");
    private static final Pattern PAGE = Pattern.compile("\\bpage (\\d+)\\b");

    private AuditSentences() {}

    static String of(AuditEntry entry) {
        UI ui = UI.getCurrent();
        String subject = entry.getSubjectId() == null || entry.getSubjectType() == null
                ? ""
                : ui.getTranslation("auditSubject." + entry.getSubjectType(), entry.getSubjectId());
        if (subject.startsWith("!")) {
            // a subject type without words of its own: its id alone (a number, a record number)
            subject = entry.getSubjectId();
        }
        StringBuilder sentence = new StringBuilder(
                ui.getTranslation("auditDetail." + entry.getAction().name(), subject));
        String detail = entry.getDetail() == null ? "" : entry.getDetail();
        StringBuilder notes = new StringBuilder();
        Matcher page = PAGE.matcher(detail);
        // the page of a scan; other entries count pages of their own lists from 0, which says nothing to a reader
        if ("DOCUMENT".equals(entry.getSubjectType()) && page.find()) {
            notes.append(ui.getTranslation("auditNote.page", page.group(1)));
        }
        Matcher count = COUNT.matcher(detail);
        if (count.find()) {
            note(notes, ui.getTranslation("auditNote.count", count.group(1) != null ? count.group(1) : count.group(2)));
        }
        if (detail.contains("purpose: ")) {
            note(notes, ui.getTranslation("auditNote.purpose"));
        }
        if (detail.startsWith("refused")) {
            note(notes, ui.getTranslation("auditNote.refused"));
        }
        if (!notes.isEmpty()) {
            sentence.append(ui.getTranslation("auditNote.wrap", notes));
        }
        return sentence.toString();
    }

    private static void note(StringBuilder notes, String note) {
        if (!notes.isEmpty()) {
            notes.append("，");
        }
        notes.append(note);
    }
}
