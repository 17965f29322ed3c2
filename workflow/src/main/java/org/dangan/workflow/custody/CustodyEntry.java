package org.dangan.workflow.custody;

import java.time.Instant;

/** One entry of the ledger as stored: who, when, what, where from, where to, why, and its place in its chain. */
public record CustodyEntry(
        long id,
        long institutionId,
        long sequence,
        CustodySubject subjectType,
        String subject,
        CustodyEvent event,
        String actor,
        Instant occurredAt,
        String from,
        String to,
        String reason,
        String previousHash,
        String hash) {}
