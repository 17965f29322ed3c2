package org.dangan.workflow.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.dangan.workflow.platform.Refused;

/**
 * One milestone of the county's work plan for one institution: the day by which it is due, and
 * the day it was reached. It guards its own transitions: a reached milestone stays reached, and
 * its day no longer moves.
 */
@Entity
@Table(name = "assessment_milestone")
public class Milestone {

    /** What the work plan asks of an institution, in the notice's order. */
    public enum Kind {
        /** 核查完成: the latest rule check leaves no blocking finding. */
        VERIFICATION_FINISHED(Indicator.STANDARDISED_RATE),
        /** 纸质档案停用: every paper file retired. */
        PAPER_STOPPED(Indicator.PAPER_RETIRED),
        /** 扫描归档完成: every kept paper scanned and archived. */
        SCANNING_FINISHED(Indicator.SCANNED);

        private final Indicator measuredBy;

        Kind(Indicator measuredBy) {
            this.measuredBy = measuredBy;
        }

        /** The indicator that, at 100 %, reaches the milestone by itself. */
        public Indicator measuredBy() {
            return measuredBy;
        }
    }

    /** Where a milestone stands on a day. */
    public enum State {
        REACHED,
        OPEN,
        OVERDUE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "reached_on")
    private LocalDate reachedOn;

    /** The supervisor who marked it reached by hand; null when its figure reached 100 %. */
    @Column(name = "reached_by")
    private String reachedBy;

    @Column(name = "handled_note")
    private String handledNote;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private long version;

    protected Milestone() {}

    Milestone(long institutionId, Kind kind, LocalDate dueOn, String setBy, Instant setAt) {
        if (kind == null) {
            throw Refused.invalid("milestone.kindRequired");
        }
        this.institutionId = institutionId;
        this.kind = kind;
        moveTo(dueOn, setBy, setAt);
    }

    /** A new day for a milestone not yet reached. */
    void moveTo(LocalDate day, String by, Instant at) {
        if (reachedOn != null) {
            throw Refused.of("milestone.alreadyReached", id);
        }
        if (day == null) {
            throw Refused.invalid("milestone.dayRequired");
        }
        this.dueOn = day;
        this.setBy = by;
        this.setAt = at;
    }

    /** Reached on {@code day} by its figure; false when it already was. */
    boolean reach(LocalDate day) {
        return reach(day, null);
    }

    /** Reached on {@code day}, marked by hand by {@code by} (null: by its figure); false when it already was. */
    boolean reach(LocalDate day, String by) {
        if (reachedOn != null) {
            return false;
        }
        reachedOn = day;
        reachedBy = by;
        return true;
    }

    void handled(String note) {
        if (note == null || note.isBlank()) {
            throw Refused.invalid("milestone.noteRequired");
        }
        this.handledNote = note.strip().length() > 500 ? note.strip().substring(0, 500) : note.strip();
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public State stateOn(LocalDate today) {
        if (reachedOn != null) {
            return State.REACHED;
        }
        return today.isAfter(dueOn) ? State.OVERDUE : State.OPEN;
    }

    public Long getId() {
        return id;
    }

    public long getInstitutionId() {
        return institutionId;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getReachedOn() {
        return reachedOn;
    }

    public String getReachedBy() {
        return reachedBy;
    }

    public String getHandledNote() {
        return handledNote;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
