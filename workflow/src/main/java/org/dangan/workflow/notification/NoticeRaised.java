package org.dangan.workflow.notification;

import java.time.Instant;

/** A notice stored for its recipients; the webhook sends it once the transaction commits. */
record NoticeRaised(Notice notice, Instant at) {}
