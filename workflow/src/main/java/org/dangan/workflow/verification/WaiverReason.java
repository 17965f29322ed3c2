package org.dangan.workflow.verification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a finding is accepted as it is, chosen from a fixed list. The list is what every reader of
 * the self-check sees; a free-text note beside it is shown only to its writer and to readers with
 * the restricted-documents permission, because no word list can keep a diagnosis out of free text
 * (issue 21's attacks). No entry may hint at a restricted population: "managed under a special
 * programme" would name one.
 */
public enum WaiverReason {
    DECEASED,
    MOVED_AWAY,
    DUPLICATE_RECORD,
    LONG_TERM_AWAY,
    RESIDENT_DECLINED,
    DATA_CONFIRMED,
    /** Only the note says why: it must be written. */
    OTHER;

    /** The reason a client names by its code, ignoring case; empty for anything else. */
    public static Optional<WaiverReason> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(c)).findFirst();
    }
}
