package org.dangan.workflow.resident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.dangan.workflow.platform.Refused;

/**
 * A resident's request to correct a field of their record, and its answer. It guards its own
 * transitions: submitted → corrected or refused; a new phone number waits for the resident's code
 * (awaiting confirmation → corrected). The code itself is never stored, only its hash.
 */
@Entity
@Table(name = "resident_correction")
public class ResidentCorrection {

    public enum Field {
        PHONE,
        ADDRESS,
        NAME,
        OTHER
    }

    public enum State {
        SUBMITTED,
        AWAITING_CONFIRMATION,
        CORRECTED,
        REFUSED
    }

    static final int NOTE_LENGTH = 500;
    static final int VALUE_LENGTH = 200;
    static final int MAX_CODE_ATTEMPTS = 5;
    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    static final int MAX_CODE_SENDS = 5;
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    private static final String MOBILE = "1\\d{10}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Column(name = "record_number", nullable = false)
    private String recordNumber;

    @Column(name = "institution_id", nullable = false)
    private long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Field field;

    @Column(nullable = false)
    private String note;

    @Column(name = "proposed_value")
    private String proposedValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "corrected_value")
    private String correctedValue;

    private String answer;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;

    @Column(name = "code_sends", nullable = false)
    private int codeSends;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Version
    private long version;

    protected ResidentCorrection() {}

    ResidentCorrection(ResidentPrincipal resident, Field field, String note, String proposedValue, Instant at) {
        if (field == null) {
            throw Refused.invalid("residentCorrection.fieldRequired");
        }
        note = visible(note);
        proposedValue = visible(proposedValue);
        if (note == null || note.isBlank()) {
            throw Refused.invalid("residentCorrection.noteRequired");
        }
        if (note.strip().length() > NOTE_LENGTH) {
            throw Refused.invalid("residentCorrection.noteTooLong");
        }
        String value = proposedValue == null || proposedValue.isBlank() ? null : proposedValue.strip();
        if (value != null && value.length() > VALUE_LENGTH) {
            throw Refused.invalid("residentCorrection.valueTooLong");
        }
        // A number the archivist could never confirm is refused while the resident is still typing it.
        if (field == Field.PHONE && value != null) {
            value = mobile(value);
        }
        if (field == Field.PHONE && value != null && !value.matches(MOBILE)) {
            throw Refused.invalid("residentCorrection.badPhone");
        }
        this.recordId = resident.recordId();
        this.recordNumber = resident.recordNumber();
        this.institutionId = resident.institutionId();
        this.field = field;
        this.note = note.strip();
        this.proposedValue = value;
        this.state = State.SUBMITTED;
        this.createdAt = at;
    }

    /** The archivist refuses, with the reason the resident will read. */
    void refuse(String reason, Instant at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw Refused.invalid("residentCorrection.reasonRequired");
        }
        this.answer = limited(reason.strip(), NOTE_LENGTH);
        this.state = State.REFUSED;
        this.answeredAt = at;
    }

    /** The archivist corrects a field other than the phone: the registry stores it at once. */
    void corrected(String value, Instant at) {
        requireOpen();
        this.correctedValue = checkedValue(value);
        this.state = State.CORRECTED;
        this.answeredAt = at;
    }

    /** The archivist enters a new phone number: stored only once the resident enters the code sent to it. */
    void awaitConfirmation(String phone, String codeHash, Instant at) {
        requireOpen();
        if (field != Field.PHONE) {
            throw new IllegalStateException("only a phone is confirmed by a code");
        }
        String value = mobile(checkedValue(phone));
        if (!value.matches(MOBILE)) {
            throw Refused.invalid("residentCorrection.badPhone");
        }
        this.correctedValue = value;
        this.codeHash = codeHash;
        this.codeExpiresAt = at.plus(CODE_VALIDITY);
        this.codeAttempts = 0;
        this.codeSends = 1;
        this.state = State.AWAITING_CONFIRMATION;
        this.answeredAt = at;
    }

    /**
     * A new code for the same new number, asked by the resident who came back after the first
     * expired or was mistyped: at most one a minute and five per request, so the number is not
     * flooded; it voids the old code and starts the attempts again.
     */
    void resend(String newCodeHash, Instant at) {
        if (state != State.AWAITING_CONFIRMATION) {
            throw Refused.of("residentCorrection.notAwaiting", id);
        }
        if (codeSends >= MAX_CODE_SENDS) {
            throw Refused.tooManyRequests("residentCorrection.tooManySends", MAX_CODE_SENDS);
        }
        if (codeExpiresAt != null
                && at.isBefore(codeExpiresAt.minus(CODE_VALIDITY).plus(RESEND_AFTER))) {
            throw Refused.tooManyRequests("residentCorrection.resendTooSoon");
        }
        this.codeHash = newCodeHash;
        this.codeExpiresAt = at.plus(CODE_VALIDITY);
        this.codeAttempts = 0;
        this.codeSends++;
    }

    /**
     * The resident enters the code: true when it is the one sent and still valid; the new number
     * is then to be stored. A wrong code counts against the attempts; after the last the code is void.
     */
    boolean confirm(String givenHash, Instant at) {
        if (state != State.AWAITING_CONFIRMATION) {
            throw Refused.of("residentCorrection.notAwaiting", id);
        }
        if (codeAttempts >= MAX_CODE_ATTEMPTS) {
            throw Refused.of("residentCorrection.tooManyAttempts");
        }
        codeAttempts++;
        if (codeHash == null || at.isAfter(codeExpiresAt) || !CodeHash.same(codeHash, givenHash)) {
            return false;
        }
        this.codeHash = null;
        this.state = State.CORRECTED;
        return true;
    }

    private void requireOpen() {
        if (state != State.SUBMITTED) {
            throw Refused.of("residentCorrection.notOpen", id);
        }
    }

    /**
     * What a resident typed without control characters and invisible format marks (NUL, bell,
     * right-to-left overrides, zero-width spaces): they mean nothing in a note and can disguise
     * text an archivist reads; line breaks stay.
     */
    static String visible(String typed) {
        return typed == null ? null : typed.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "");
    }

    /** A number as people write it, "139 1234-5678", without its spaces and dashes. */
    private static String mobile(String typed) {
        return typed.replaceAll("[\\s\\-]", "");
    }

    private static String checkedValue(String value) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid("residentCorrection.valueRequired");
        }
        if (value.strip().length() > VALUE_LENGTH) {
            throw Refused.invalid("residentCorrection.valueTooLong");
        }
        return value.strip();
    }

    private static String limited(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public long getRecordId() {
        return recordId;
    }

    public String getRecordNumber() {
        return recordNumber;
    }

    public long getInstitutionId() {
        return institutionId;
    }

    public Field getField() {
        return field;
    }

    public String getNote() {
        return note;
    }

    public String getProposedValue() {
        return proposedValue;
    }

    public State getState() {
        return state;
    }

    public String getCorrectedValue() {
        return correctedValue;
    }

    public String getAnswer() {
        return answer;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
