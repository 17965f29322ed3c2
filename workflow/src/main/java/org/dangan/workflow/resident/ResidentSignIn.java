package org.dangan.workflow.resident;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditHash;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordBatches.ResidentContact;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A resident's sign-in with the code sent to them, and their sign-out. A wrong, expired or used code
 * and an ID number we do not know get the same refusal ({@code resident.signIn.refused}, 401); one
 * client address may try {@code dangan.resident.sign-in.max-attempts-per-address} times in ten
 * minutes (then 429), on top of the five attempts each code allows.
 */
@Service
public class ResidentSignIn {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final ResidentCodes codes;
    private final ResidentSessions sessions;
    private final AuditLog audit;
    private final AuditHash hashes;
    private final Clock clock;
    private final int maxPerAddress;
    private final AddressWindow attempts;

    ResidentSignIn(
            ResidentCodes codes,
            ResidentSessions sessions,
            AuditLog audit,
            AuditHash hashes,
            Clock clock,
            @Value("${dangan.resident.sign-in.max-attempts-per-address:20}") int maxPerAddress) {
        this.codes = codes;
        this.sessions = sessions;
        this.audit = audit;
        this.hashes = hashes;
        this.clock = clock;
        this.maxPerAddress = maxPerAddress;
        this.attempts = new AddressWindow(maxPerAddress, WINDOW, clock);
    }

    /** The bearer token of a new session, or a refusal that does not say what was wrong. */
    public String signIn(String idNumber, String code, String clientAddress) {
        if (!counted(clientAddress)) {
            throw Refused.tooManyRequests("resident.signIn.tooMany");
        }
        List<ResidentContact> admitted = codes.admitted(idNumber);
        ResidentCodes.CodeCheck check =
                codes.check(admitted.stream().map(ResidentContact::id).toList(), CodePurpose.SIGN_IN, code);
        ResidentContact record = admitted.stream()
                .filter(c -> check.recordId() != null && c.id() == check.recordId())
                .findFirst()
                .orElse(admitted.isEmpty() ? null : admitted.get(0));
        if (check.result() == ResidentCodes.Check.ACCEPTED && record != null) {
            String token = sessions.open(record.id());
            audit.recordApartAs(
                    "resident:" + record.recordNumber(),
                    AuditAction.RESIDENT_SIGNED_IN,
                    "RECORD",
                    record.recordNumber(),
                    record.institutionId(),
                    "signed in with a code sent by SMS");
            return token;
        }
        if (record == null) {
            audit.recordApartAs(
                    ResidentCodes.NOBODY,
                    AuditAction.RESIDENT_SIGN_IN_REFUSED,
                    "ID_NUMBER",
                    hashes.ofIdNumber(ResidentCodes.idNumber(idNumber)),
                    null,
                    "no record may sign in with this ID number");
        } else {
            audit.recordApartAs(
                    "resident:" + record.recordNumber(),
                    AuditAction.RESIDENT_SIGN_IN_REFUSED,
                    "RECORD",
                    record.recordNumber(),
                    record.institutionId(),
                    check.result() == ResidentCodes.Check.WRONG
                            ? "wrong code, attempt " + check.attempts() + " of " + ResidentCodes.MAX_ATTEMPTS
                            : "no live code (none sent, expired, used or too many wrong attempts)");
        }
        throw Refused.unauthorized("resident.signIn.refused");
    }

    /** Ends the signed-in resident's session. */
    public void signOut(HttpServletRequest request) {
        signOut(ResidentSecurity.token(request).orElse(null));
    }

    /**
     * Ends the session of this token, as the resident site's screens hold it (no bearer header
     * there); the signed-in resident is required, as for the API's sign-out.
     */
    public void signOut(String token) {
        ResidentPrincipal resident = ResidentPrincipal.require();
        if (sessions.close(token)) {
            audit.record(
                    AuditAction.RESIDENT_SIGNED_OUT, "RECORD", resident.recordNumber(), resident.institutionId(), null);
        }
    }

    /** Counts an attempt from the address; false when it has used up its window. */
    private boolean counted(String address) {
        return attempts.count(address);
    }

    /** Forgets addresses that stopped trying and sessions that ended, so neither grows without bound. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void sweep() {
        attempts.sweep();
        codes.sweepAddresses();
        sessions.sweep();
        codes.sweep();
    }
}
