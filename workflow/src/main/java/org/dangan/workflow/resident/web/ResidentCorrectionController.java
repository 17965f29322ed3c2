package org.dangan.workflow.resident.web;

import java.util.List;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentCorrections;
import org.dangan.workflow.resident.ResidentPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in resident's correction requests: filed, listed, and a new phone confirmed by its code. */
@RestController
@RequestMapping("/api/resident/corrections")
class ResidentCorrectionController {

    private final ResidentCorrections corrections;

    ResidentCorrectionController(ResidentCorrections corrections) {
        this.corrections = corrections;
    }

    record Submission(String field, String note, String newValue) {}

    record Submitted(long id, ResidentCorrection.State state) {}

    record Requests(List<ResidentCorrections.View> items) {}

    record Confirmation(String code) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Submitted submit(@RequestBody Submission submission) {
        // who asks comes before what they send: a staff user is refused, not told the body is wrong
        ResidentPrincipal.require();
        ResidentCorrections.View view =
                corrections.submit(field(submission.field()), submission.note(), submission.newValue());
        return new Submitted(view.id(), view.state());
    }

    @GetMapping
    Requests mine() {
        return new Requests(corrections.mine());
    }

    @PostMapping("/{id}/confirm")
    Submitted confirm(@PathVariable long id, @RequestBody Confirmation confirmation) {
        if (!corrections.confirmPhone(id, confirmation.code())) {
            // the attempt is counted in its own committed transaction; the refusal only tells the resident
            throw Refused.invalid("residentCorrection.codeWrong");
        }
        return new Submitted(id, ResidentCorrection.State.CORRECTED);
    }

    /** Another code to the new number; the resident enters it as before. */
    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@PathVariable long id) {
        corrections.resendPhoneCode(id);
    }

    private static ResidentCorrection.Field field(String text) {
        if (text != null) {
            for (ResidentCorrection.Field f : ResidentCorrection.Field.values()) {
                if (f.name().equals(text)) {
                    return f;
                }
            }
        }
        throw Refused.invalid("residentCorrection.fieldRequired");
    }
}
