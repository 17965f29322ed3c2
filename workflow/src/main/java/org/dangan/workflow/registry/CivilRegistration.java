package org.dangan.workflow.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditHash;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk status updates from the civil registration (户籍): a CSV of {@code idNumber,event,date}
 * (or the Chinese header {@code 身份证号,事件,日期}) where the event is DECEASED or MOVED_OUT (of the
 * province), or in words 死亡 or 迁出. Every line is checked first and the
 * file is refused whole, naming line and field, if one is wrong; then each resident's records in
 * the archivist's institutions are marked: a death is recorded (the retention of the health record
 * material runs from it), a move out closes the record. ID numbers not in the register are
 * counted, not refused: the registration covers more people than the register.
 */
@Service
@Transactional
public class CivilRegistration {

    public enum Event {
        DECEASED,
        MOVED_OUT
    }

    /** What came of a file; the ID numbers not found are masked. */
    public record Result(int lines, int deceased, int movedOut, int unchanged, List<String> notFound, int followUps) {}

    public static final String FOLLOW_UP = "registrationFollowUp";

    /** 20 hashes of 38 characters and the counts fit the audit detail's 1000. */
    private static final int HASHES_PER_ENTRY = 20;

    private record Line(long number, String idNumber, Event event, LocalDate date) {}

    private final HealthRecordRepository records;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final UserTasks userTasks;
    private final AuditHash auditHash;

    CivilRegistration(
            HealthRecordRepository records,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            Clock clock,
            RuntimeService runtime,
            TaskService tasks,
            UserTasks userTasks,
            AuditHash auditHash) {
        this.auditHash = auditHash;
        this.runtime = runtime;
        this.tasks = tasks;
        this.userTasks = userTasks;
        this.records = records;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public Result apply(Reader csv) {
        DanganUser user = RoleCheck.require(Role.ARCHIVIST);
        // "not found" per line would confirm or deny that a typed ID number is in the register
        if (!user.has(Permission.FULL_ID_NUMBER)) {
            throw Refused.forbidden("civilRegistration.forbidden", Permission.FULL_ID_NUMBER);
        }
        List<Line> lines = parse(csv);
        InstitutionScope scope = institutions.currentScope();
        LocalDate today = LocalDate.now(clock);
        int deceased = 0;
        int movedOut = 0;
        int unchanged = 0;
        List<String> notFound = new ArrayList<>();
        List<String> notFoundHashes = new ArrayList<>();
        for (Line line : lines) {
            List<Long> ids = scope.ids().isEmpty()
                    ? List.of()
                    : jdbc.queryForList(
                            "select id from health_record where " + RecordRows.byIdNumber("", "id")
                                    + " and institution_id in (:scope) order by id",
                            new MapSqlParameterSource("id", line.idNumber()).addValue("scope", scope.ids()),
                            Long.class);
            if (ids.isEmpty()) {
                notFound.add(ResidentId.mask(line.idNumber()));
                notFoundHashes.add(auditHash.ofIdNumber(line.idNumber()));
                continue;
            }
            for (HealthRecord record : records.findAllById(ids)) {
                boolean changed = switch (line.event()) {
                    case DECEASED ->
                        record.getDeceasedOn() == null
                                && record.getStatus() != RecordStatus.DUPLICATE
                                && record.getStatus() != RecordStatus.MOVED_OUT
                                && recordDeath(record, line, today);
                    case MOVED_OUT -> record.moveOut();
                };
                if (changed) {
                    auditLog.record(
                            AuditAction.CIVIL_REGISTRATION,
                            "RECORD",
                            record.getRecordNumber(),
                            record.getInstitutionId(),
                            line.event().name());
                    // the registration is not always right: an archivist of the record confirms and closes it
                    runtime.startProcessInstanceByKey(
                            FOLLOW_UP,
                            record.getRecordNumber(),
                            Variables.createVariables()
                                    .putValue("recordNumber", record.getRecordNumber())
                                    .putValue("event", line.event().name())
                                    .putValue(
                                            "archivists",
                                            "archivist-"
                                                    + institutions
                                                            .require(record.getInstitutionId())
                                                            .getCode()));
                    deceased += line.event() == Event.DECEASED ? 1 : 0;
                    movedOut += line.event() == Event.MOVED_OUT ? 1 : 0;
                } else {
                    unchanged++;
                }
            }
        }
        auditUpload(user, lines.size(), deceased, movedOut, unchanged, notFoundHashes);
        return new Result(lines.size(), deceased, movedOut, unchanged, notFound, deceased + movedOut);
    }

    /**
     * The upload with its counts and the keyed hashes of the ID numbers it asked about in vain, so
     * that a probe can be traced without the log holding the numbers; in entries that fit the column.
     */
    private void auditUpload(
            DanganUser user, int lines, int deceased, int movedOut, int unchanged, List<String> notFoundHashes) {
        String counts = "lines=" + lines + " deceased=" + deceased + " movedOut=" + movedOut + " unchanged=" + unchanged
                + " notFound=" + notFoundHashes.size();
        int from = 0;
        do {
            List<String> part = notFoundHashes.subList(from, Math.min(notFoundHashes.size(), from + HASHES_PER_ENTRY));
            auditLog.record(
                    AuditAction.CIVIL_REGISTRATION,
                    "UPLOAD",
                    null,
                    user.institutionId(),
                    (from == 0 ? counts : "notFound continued") + (part.isEmpty() ? "" : " " + String.join(" ", part)));
            from += HASHES_PER_ENTRY;
        } while (from < notFoundHashes.size());
    }

    /** A follow-up waiting for an archivist: which record, which change. */
    public record FollowUp(String processInstanceId, String task, String recordNumber, Event event) {}

    /** The follow-ups offered to the archivists of the user's institutions, oldest first. */
    @Transactional(readOnly = true)
    public List<FollowUp> followUps() {
        List<String> groups = keepersGroups();
        if (groups.isEmpty()) {
            return List.of();
        }
        return tasks
                .createTaskQuery()
                .processDefinitionKey(FOLLOW_UP)
                .taskCandidateGroupIn(groups)
                .orderByTaskCreateTime()
                .asc()
                .listPage(0, 500)
                .stream()
                .map(t -> new FollowUp(
                        t.getProcessInstanceId(),
                        t.getTaskDefinitionKey(),
                        (String) runtime.getVariable(t.getProcessInstanceId(), "recordNumber"),
                        Event.valueOf((String) runtime.getVariable(t.getProcessInstanceId(), "event"))))
                .toList();
    }

    /** The follow-up of one task, if it is offered to the archivists of the user's institutions (its work panel). */
    @Transactional(readOnly = true)
    public FollowUp followUpOf(String taskId) {
        List<String> groups = keepersGroups();
        Task t = groups.isEmpty() || taskId == null
                ? null
                : tasks.createTaskQuery()
                        .taskId(taskId)
                        .processDefinitionKey(FOLLOW_UP)
                        .taskCandidateGroupIn(groups)
                        .singleResult();
        if (t == null) {
            throw Refused.notFound("followUp.missing");
        }
        return new FollowUp(
                t.getProcessInstanceId(),
                t.getTaskDefinitionKey(),
                (String) runtime.getVariable(t.getProcessInstanceId(), "recordNumber"),
                Event.valueOf((String) runtime.getVariable(t.getProcessInstanceId(), "event")));
    }

    /**
     * The candidate groups of the follow-ups the user may do: a follow-up is the work of those who
     * keep the record, the archivists of a primary-care institution over it; a county's archivist
     * (its checker) sees the townships' records but does not close them.
     */
    private List<String> keepersGroups() {
        var user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST) || !institutions.keepsRecords(user.institutionId())) {
            return List.of();
        }
        return institutions.currentScope().institutions().stream()
                .map(i -> "archivist-" + i.getCode())
                .toList();
    }

    /** An archivist confirms the change (how, in the note) and closes the follow-up. */
    public void confirm(FollowUp followUp, String note) {
        userTasks.complete(followUp.processInstanceId(), followUp.task(), Map.of("note", note == null ? "" : note));
    }

    private static boolean recordDeath(HealthRecord record, Line line, LocalDate today) {
        try {
            record.recordDeath(line.date(), today);
            return true;
        } catch (Refused e) {
            if (e.kind() != Refused.Kind.INVALID) {
                throw e;
            }
            // the file's refusal names lines and fields in one message (see parse); the record's reason goes with it
            throw wrongLines(
                    1,
                    List.of(lineError(
                            e.key().equals("record.death.future") ? "deathFuture" : "beforeBirth", line.number())));
        }
    }

    /** The header names a column may have: as the registration exports it, or in Chinese. */
    private static final List<List<String>> COLUMNS =
            List.of(List.of("idNumber", "身份证号"), List.of("event", "事件"), List.of("date", "日期"));

    /** What the registration writes for an event, in codes or in words. */
    private static Event event(String written) {
        return switch (written.strip().toUpperCase(Locale.ROOT)) {
            case "DECEASED", "死亡" -> Event.DECEASED;
            case "MOVED_OUT", "迁出", "迁出本省" -> Event.MOVED_OUT;
            default -> null;
        };
    }

    /** One wrong line, named by its number and field; the value itself is not repeated (it may be an ID number). */
    private static MessageSourceResolvable lineError(String what, long line) {
        return new DefaultMessageSourceResolvable(new String[] {"civilRegistration.line." + what}, new Object[] {line});
    }

    /** The whole file refused: how many lines are wrong, the first five named. */
    private static Refused wrongLines(int count, List<MessageSourceResolvable> errors) {
        return Refused.invalid("civilRegistration.wrongLines", count, errors.subList(0, Math.min(errors.size(), 5)));
    }

    /** Every line checked before anything is written; the first errors are named with their line and field. */
    private static List<Line> parse(Reader csv) {
        List<Line> lines = new ArrayList<>();
        List<MessageSourceResolvable> errors = new ArrayList<>();
        try {
            CSVParser parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(csv);
            // a spreadsheet saving as UTF-8 puts a byte order mark before the first column's name
            List<String> names = COLUMNS.stream()
                    .map(aliases -> parser.getHeaderNames().stream()
                            .filter(h ->
                                    aliases.contains(h.replace("\uFEFF", "").strip()))
                            .findFirst()
                            .orElse(null))
                    .toList();
            if (names.stream().anyMatch(Objects::isNull)) {
                throw Refused.invalid("civilRegistration.header");
            }
            for (CSVRecord row : parser) {
                long number = row.getRecordNumber() + 1;
                String id = row.isSet(names.get(0)) ? row.get(names.get(0)).toUpperCase(Locale.ROOT) : "";
                try {
                    ResidentId.of(id);
                } catch (RuntimeException e) {
                    errors.add(lineError("idNumber", number));
                    continue;
                }
                Event event = event(row.isSet(names.get(1)) ? row.get(names.get(1)) : "");
                if (event == null) {
                    errors.add(lineError("event", number));
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(row.isSet(names.get(2)) ? row.get(names.get(2)) : "");
                } catch (DateTimeParseException e) {
                    errors.add(lineError("date", number));
                    continue;
                }
                lines.add(new Line(number, id, event, date));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the civil registration file", e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw Refused.invalid("civilRegistration.unreadable");
        }
        if (!errors.isEmpty()) {
            throw wrongLines(errors.size(), errors);
        }
        if (lines.isEmpty()) {
            throw Refused.invalid("civilRegistration.empty");
        }
        return lines;
    }
}
