package org.dangan.workflow.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Times as the screens and printed sheets show them: in China time (Asia/Shanghai), to the minute
 * or second, never in UTC and never with fractions, whatever the server's zone.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    private ChinaTime() {}

    /** "2026-11-30 06:44", or "" for no time. */
    public static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    public static String minute(OffsetDateTime at) {
        return at == null ? "" : minute(at.toInstant());
    }

    public static String minute(Date at) {
        return at == null ? "" : minute(at.toInstant());
    }

    /** "2026-11-30 06:44:12", for records that name the second (certificates, ledgers). */
    public static String second(Instant at) {
        return at == null ? "" : SECOND.format(at);
    }

    public static String second(OffsetDateTime at) {
        return at == null ? "" : second(at.toInstant());
    }

    public static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** Today in China, which is what a deadline or a due date counts against. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
