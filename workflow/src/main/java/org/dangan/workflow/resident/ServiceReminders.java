package org.dangan.workflow.resident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Tells enrolled residents by SMS that a follow-up or examination falls due (notice §3.2: health
 * information pushed to residents): once a month, and when a supervisor presses the button. A
 * resident of the pilot is reminded when the service their key population needs falls due within
 * the coming month, counted from the record's last service date; once per record and month,
 * whoever starts the run. Severe mental disorder is never a reason for a message.
 *
 * <p>The log and the audit keep counts per institution, never a name, a phone or a text.
 */
@Service
public class ServiceReminders {

    private static final Logger log = LoggerFactory.getLogger(ServiceReminders.class);

    /**
     * How often each key population is seen under the basic public health service: hypertension and
     * diabetes four times a year, tuberculosis and pregnancy monthly, children by their check-up
     * calendar (about quarterly until six), the elderly once a year.
     */
    static final Map<KeyPopulation, Integer> INTERVAL_DAYS = new EnumMap<>(Map.of(
            KeyPopulation.HYPERTENSION, 90,
            KeyPopulation.TYPE2_DIABETES, 90,
            KeyPopulation.TUBERCULOSIS, 30,
            KeyPopulation.PREGNANT_POSTPARTUM, 30,
            KeyPopulation.CHILD_0_6, 90,
            KeyPopulation.ELDERLY, 365));

    /** What one run did: the month and how many residents of each institution were told. */
    public record Run(YearMonth month, int sent, int failed, Map<String, Integer> sentByInstitution) {}

    private final RecordBatches records;
    private final Institutions institutions;
    private final ResidentSettings settings;
    private final SmsSender sender;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ServiceReminders(
            RecordBatches records,
            Institutions institutions,
            ResidentSettings settings,
            SmsSender sender,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            Clock clock) {
        this.records = records;
        this.institutions = institutions;
        this.settings = settings;
        this.sender = sender;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The day a resident with these key populations, last served on that day, is next due; none if never. */
    static Optional<LocalDate> dueOn(Set<KeyPopulation> populations, LocalDate lastService, LocalDate today) {
        Optional<Integer> interval = populations.stream()
                .filter(p -> !p.restricted())
                .map(INTERVAL_DAYS::get)
                .filter(days -> days != null)
                .min(Integer::compare);
        return interval.map(days -> lastService == null ? today : lastService.plusDays(days));
    }

    /** The monthly run, over every institution of the pilot. */
    @Scheduled(cron = "${dangan.resident.reminders.cron:0 0 9 1 * *}", zone = "Asia/Shanghai")
    public void monthly() {
        remind(null);
    }

    /** Whether the user has the button: a supervisor (or administrator) with pilot institutions in scope. */
    public boolean followedBy(DanganUser user) {
        return (user.is(Role.SUPERVISOR) || user.is(Role.ADMIN))
                && settings.enabled()
                && !pilotWithin(institutions.currentScope()).isEmpty();
    }

    /** How many residents the button would tell now: what its confirmation says. */
    public int dueNow() {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        YearMonth month = YearMonth.from(today);
        int[] due = {0};
        if (settings.enabled()) {
            forEachDue(pilotWithin(institutions.currentScope()), today, (contact, day) -> {
                if (!reminded(contact, month)) {
                    due[0]++;
                }
            });
        }
        return due[0];
    }

    /** The supervisor's button: the same run, over the pilot institutions within the supervisor's scope. */
    public Run remindNow() {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        return remind(institutions.currentScope());
    }

    private Set<Long> pilotWithin(InstitutionScope within) {
        Set<Long> pilot = new HashSet<>();
        for (String code : settings.pilotInstitutions()) {
            institutions
                    .byCode(code)
                    .ifPresent(i -> pilot.addAll(institutions.scopeOf(i.getId()).ids()));
        }
        if (within != null) {
            pilot.retainAll(within.ids());
        }
        return pilot;
    }

    /** Each admitted resident of these institutions whose service falls due within the month, with the day. */
    private void forEachDue(
            Set<Long> institutionIds, LocalDate today, BiConsumer<RecordBatches.ServiceContact, LocalDate> each) {
        LocalDate horizon = today.plusMonths(1);
        records.forEachServiceContact(institutionIds, contact -> {
            if (settings.admits(contact.institutionId(), RecordStatus.ACTIVE, contact.keyPopulations())) {
                dueOn(contact.keyPopulations(), contact.lastServiceDate(), today)
                        .filter(day -> !day.isAfter(horizon))
                        .ifPresent(day -> each.accept(contact, day));
            }
        });
    }

    private Run remind(InstitutionScope within) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        YearMonth month = YearMonth.from(today);
        if (!settings.enabled()) {
            return new Run(month, 0, 0, Map.of());
        }
        Map<String, Integer> sent = new TreeMap<>();
        int[] failed = {0};
        forEachDue(pilotWithin(within), today, (contact, dueDay) -> {
            if (!claim(contact, month)) {
                return;
            }
            try {
                sender.send(
                        contact.phone(),
                        SmsSender.Kind.SERVICE_DUE,
                        Map.of("date", dueDay.isBefore(today) ? today.toString() : dueDay.toString()));
                sent.merge(institutions.require(contact.institutionId()).getCode(), 1, Integer::sum);
            } catch (RuntimeException e) {
                // not sent: the next run tries again
                release(contact, month);
                failed[0]++;
            }
        });
        sent.forEach((code, n) -> {
            Institution institution = institutions.byCode(code).orElseThrow();
            log.info("service reminders {}: {} sent to residents of institution {}", month, n, code);
            auditLog.recordApartAs(
                    within == null ? "system" : currentName(),
                    AuditAction.RESIDENT_REMINDERS_SENT,
                    "INSTITUTION",
                    institution.getName(),
                    institution.getId(),
                    month + ": " + n);
        });
        if (failed[0] > 0) {
            log.warn("service reminders {}: {} could not be sent; the next run tries them again", month, failed[0]);
        }
        return new Run(month, sent.values().stream().mapToInt(Integer::intValue).sum(), failed[0], sent);
    }

    /** Marks the record reminded this month; false when it already was. */
    private boolean claim(RecordBatches.ServiceContact contact, YearMonth month) {
        return jdbc.update(
                        """
                        insert into resident_reminder (record_id, reminder_month, institution_id, sent_at)
                        select :record, :month, :institution, :at
                        where not exists (select 1 from resident_reminder where record_id = :record and reminder_month = :month)""",
                        params(contact, month)
                                .addValue("institution", contact.institutionId())
                                .addValue("at", Timestamp.from(clock.instant())))
                == 1;
    }

    private boolean reminded(RecordBatches.ServiceContact contact, YearMonth month) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from resident_reminder where record_id = :record and reminder_month = :month",
                params(contact, month),
                Boolean.class));
    }

    private void release(RecordBatches.ServiceContact contact, YearMonth month) {
        jdbc.update(
                "delete from resident_reminder where record_id = :record and reminder_month = :month",
                params(contact, month));
    }

    private static MapSqlParameterSource params(RecordBatches.ServiceContact contact, YearMonth month) {
        return new MapSqlParameterSource("record", contact.id()).addValue("month", month.toString());
    }

    private static String currentName() {
        return CurrentUser.require().getUsername();
    }
}
