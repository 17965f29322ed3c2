package org.dangan.workflow.verification;

import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RestrictedWords;

/**
 * What a waiver says: a reason from the fixed list and, beside it, a note (required for OTHER).
 * The note is read only by its writer and by readers with the restricted-documents permission.
 */
public record Waiver(WaiverReason reason, String note) {

    public static final int MAX_NOTE = 200;

    public Waiver {
        if (reason == null) {
            throw Refused.invalid("findings.waiverReasonMissing");
        }
        note = note == null || note.codePoints().noneMatch(Character::isLetterOrDigit) ? null : note.strip();
        // counted as a reader counts characters; control characters would end up in PDFs and logs
        if (note != null
                && (note.codePointCount(0, note.length()) > MAX_NOTE
                        || note.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL))) {
            throw Refused.invalid("findings.waiverNote", MAX_NOTE);
        }
        if (note == null && reason == WaiverReason.OTHER) {
            throw Refused.invalid("findings.waiverNote", MAX_NOTE);
        }
        // withheld from most readers, but it outlives who may read it (backups, a later export):
        // a note that names the diagnosis is refused, as the listed reasons never need it
        if (note != null && RestrictedWords.named(note)) {
            throw Refused.invalid("findings.waiverReasonRestricted");
        }
    }

    /**
     * A waiver as an API client sends it: {@code reason} a code of the list with an optional
     * {@code note}, or (as before the list) free text, which becomes the note under OTHER.
     */
    public static Waiver of(String reason, String note) {
        if (reason == null || reason.isBlank()) {
            throw Refused.invalid("findings.waiverReasonMissing");
        }
        return WaiverReason.ofCode(reason).map(code -> new Waiver(code, note)).orElseGet(() -> {
            if (note != null && !note.isBlank()) {
                // free text in both fields: which one the writer meant is not ours to guess
                throw Refused.invalid("findings.waiverReasonUnknown");
            }
            return new Waiver(WaiverReason.OTHER, reason);
        });
    }
}
