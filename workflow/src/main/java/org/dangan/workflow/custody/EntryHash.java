package org.dangan.workflow.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The SHA-256 of an entry: over its institution, sequence, subject type, subject, event, actor,
 * time (ISO-8601, UTC, milliseconds), from, to, reason (absent as empty) and the previous entry's
 * hash, as UTF-8, each field followed by the unit separator U+001F. Anyone can recompute it from
 * an export of the table. The first entry of a chain follows {@link #GENESIS}.
 */
final class EntryHash {

    static final String GENESIS = "0".repeat(64);

    private EntryHash() {}

    static String of(
            long institutionId,
            long sequence,
            CustodySubject type,
            String subject,
            CustodyEvent event,
            String actor,
            Instant at,
            String from,
            String to,
            String reason,
            String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {
            institutionId, sequence, type, subject, event, actor, at.toString(), from, to, reason, previousHash
        }) {
            canonical.append(field == null ? "" : field.toString()).append('\u001f');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(CustodyEntry e) {
        return of(
                e.institutionId(),
                e.sequence(),
                e.subjectType(),
                e.subject(),
                e.event(),
                e.actor(),
                e.occurredAt(),
                e.from(),
                e.to(),
                e.reason(),
                e.previousHash());
    }
}
