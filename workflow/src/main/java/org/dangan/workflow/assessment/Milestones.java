package org.dangan.workflow.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's work plan: milestones per institution with their days, set by a supervisor of a
 * county or above; each runs the {@code assessmentMilestone} process, which raises a task for the
 * county's supervisors when the day passes before the milestone is reached. A milestone is reached
 * when its indicator comes to 100 % in a snapshot, or when a supervisor says so.
 */
@Service
@Transactional
public class Milestones {

    public static final String PROCESS = "assessmentMilestone";
    static final String REACHED_MESSAGE = "milestoneReached";

    private final MilestoneRepository milestones;
    private final Institutions institutions;
    private final RuntimeService runtime;
    private final UserTasks userTasks;
    private final AuditLog audit;
    private final Clock clock;

    Milestones(
            MilestoneRepository milestones,
            Institutions institutions,
            RuntimeService runtime,
            UserTasks userTasks,
            AuditLog audit,
            Clock clock) {
        this.milestones = milestones;
        this.institutions = institutions;
        this.runtime = runtime;
        this.userTasks = userTasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A milestone as the dashboard shows it, with its state today. */
    public record View(
            long id,
            String institutionCode,
            String institutionName,
            Milestone.Kind kind,
            LocalDate dueOn,
            LocalDate reachedOn,
            String reachedBy,
            Milestone.State state,
            String handledNote) {

        /** Marked reached by a supervisor rather than by its figure coming to 100 %. */
        public boolean markedByHand() {
            return reachedBy != null;
        }
    }

    /** Whether the user sets milestones and marks them reached: a supervisor of a county or above, or an administrator. */
    public boolean maySet(DanganUser user) {
        return Assessments.assessor(user, institutions);
    }

    /** Sets (or moves) the day of a milestone of a primary-care institution in the user's scope. */
    public View set(String institutionCode, Milestone.Kind kind, LocalDate dueOn) {
        DanganUser user = assessor();
        Institution institution = inScope(institutionCode);
        if (!institution.getType().primaryCare()) {
            throw Refused.invalid("milestone.primaryCareOnly", institution.getName());
        }
        LocalDate today = today();
        if (dueOn != null && dueOn.isBefore(today)) {
            throw Refused.invalid("milestone.dayPast", ChinaTime.day(dueOn));
        }
        Milestone m = milestones
                .findByInstitutionIdAndKind(institution.getId(), kind)
                .map(existing -> {
                    existing.moveTo(dueOn, user.getUsername(), clock.instant());
                    if (existing.getProcessInstanceId() != null) {
                        runtime.deleteProcessInstanceIfExists(
                                existing.getProcessInstanceId(), "the milestone's day moved", true, true, true, true);
                    }
                    return existing;
                })
                .orElseGet(() -> milestones.save(
                        new Milestone(institution.getId(), kind, dueOn, user.getUsername(), clock.instant())));
        Institution county = institutions.countyOf(institution);
        String instance = runtime.startProcessInstanceByKey(
                        PROCESS,
                        Long.toString(m.getId()),
                        Variables.createVariables()
                                // the day is due in full: the task comes the morning after, China time
                                .putValue(
                                        "dueAt",
                                        Date.from(m.getDueOn()
                                                .plusDays(1)
                                                .atStartOfDay(ChinaTime.ZONE)
                                                .toInstant()))
                                .putValue("supervisors", "supervisor-" + county.getCode())
                                .putValue("institution", institution.getCode())
                                .putValue("kind", kind.name()))
                .getId();
        m.startedAs(instance);
        audit.record(
                AuditAction.MILESTONE_SET,
                "INSTITUTION",
                institution.getCode(),
                institution.getId(),
                kind.name() + " due " + m.getDueOn());
        return view(m, Map.of(institution.getId(), institution), today);
    }

    /** The milestones of an institution and those below it, in the reader's scope, earliest day first. */
    @Transactional(readOnly = true)
    public List<View> of(String institutionCode) {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        Institution top = inScope(institutionCode);
        Map<Long, Institution> below = institutions.currentScope().institutions().stream()
                .filter(i -> i.getId().equals(top.getId()) || top.contains(i))
                .collect(Collectors.toMap(Institution::getId, Function.identity()));
        LocalDate today = today();
        return milestones.findByInstitutionIdInOrderByDueOn(below.keySet()).stream()
                .map(m -> view(m, below, today))
                .toList();
    }

    /** A supervisor says the milestone is reached: its process ends without a task. */
    public View markReached(long id) {
        DanganUser user = assessor();
        Milestone m = inScope(id);
        if (!m.reach(today(), user.getUsername())) {
            throw Refused.of("milestone.alreadyReached", id);
        }
        reached(m);
        Institution institution = institutions.require(m.getInstitutionId());
        audit.record(
                AuditAction.MILESTONE_SET,
                "INSTITUTION",
                institution.getCode(),
                institution.getId(),
                m.getKind().name() + " reached");
        return view(m, Map.of(institution.getId(), institution), today());
    }

    /** After a snapshot: every open milestone whose indicator stands at 100 % is reached today. */
    void reachFrom(Map<Long, Map<String, Figure>> figures, LocalDate day) {
        for (Milestone m : milestones.findByReachedOnIsNull()) {
            Figure f = figures.getOrDefault(m.getInstitutionId(), Map.of())
                    .getOrDefault(m.getKind().measuredBy().key(), Figure.NONE);
            if (f.denominator() != null && f.denominator() > 0 && f.numerator() == f.denominator() && m.reach(day)) {
                reached(m);
            }
        }
    }

    /** The milestone an overdue-milestone task is about, if it lies in the user's scope: the task panel's subject. */
    @Transactional(readOnly = true)
    public View ofTask(String taskId) {
        RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        Milestone m = inScope(userTasks.subjectIdOf(taskId, PROCESS));
        Institution institution = institutions.require(m.getInstitutionId());
        return view(m, Map.of(institution.getId(), institution), today());
    }

    /** The county supervisor says what was done about an overdue milestone; the task closes. */
    public void handle(String taskId, String note) {
        assessor();
        Milestone m = inScope(userTasks.subjectIdOf(taskId, PROCESS));
        userTasks.complete(
                m.getProcessInstanceId(),
                TaskKind.MILESTONE_OVERDUE.taskKey(),
                Map.of("note", note == null ? "" : note));
    }

    /** For the process when the day has passed: whether the milestone was reached by then. */
    boolean isReached(long id) {
        return milestones.findById(id).map(m -> m.getReachedOn() != null).orElse(true);
    }

    /**
     * The county supervisor's answer to an overdue milestone, from the task's complete listener:
     * what was done about it. The actor must be a supervisor whose scope holds the institution.
     */
    void handled(long id, DanganUser actor, String note) {
        Milestone m = milestones.findById(id).orElseThrow(() -> Refused.notFound("milestone.missing", id));
        if (!Assessments.assessor(actor, institutions)
                || !institutions.scopeOf(actor.institutionId()).includes(m.getInstitutionId())) {
            throw Refused.forbidden("task.notYours", TaskKind.MILESTONE_OVERDUE);
        }
        m.handled(note);
    }

    private void reached(Milestone m) {
        runtime.createMessageCorrelation(REACHED_MESSAGE)
                .processInstanceBusinessKey(Long.toString(m.getId()))
                .correlateAll();
    }

    private DanganUser assessor() {
        DanganUser user = RoleCheck.require(Role.SUPERVISOR, Role.ADMIN);
        if (!maySet(user)) {
            throw Refused.forbidden("milestone.countyOnly");
        }
        return user;
    }

    private Institution inScope(String code) {
        return Assessments.inScope(code, institutions.currentScope());
    }

    private Milestone inScope(long id) {
        Set<Long> scope = institutions.currentScope().ids();
        return milestones
                .findById(id)
                .filter(m -> scope.contains(m.getInstitutionId()))
                .orElseThrow(() -> Refused.notFound("milestone.missing", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    private static View view(Milestone m, Map<Long, Institution> byId, LocalDate today) {
        Institution i = byId.get(m.getInstitutionId());
        return new View(
                m.getId(),
                i.getCode(),
                i.getName(),
                m.getKind(),
                m.getDueOn(),
                m.getReachedOn(),
                m.getReachedBy(),
                m.stateOn(today),
                m.getHandledNote());
    }
}
