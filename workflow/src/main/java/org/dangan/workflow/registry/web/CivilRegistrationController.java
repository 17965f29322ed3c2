package org.dangan.workflow.registry.web;

import java.io.StringReader;
import org.dangan.workflow.registry.CivilRegistration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/civil-registration} (a UTF-8 CSV: {@code idNumber,event,date}, the event DECEASED
 * or MOVED_OUT) answers {@code {lines, deceased, movedOut, unchanged, notFound}}; a file with a wrong
 * line is refused whole, naming the line and field.
 */
@RestController
class CivilRegistrationController {

    private final CivilRegistration registration;

    CivilRegistrationController(CivilRegistration registration) {
        this.registration = registration;
    }

    @PostMapping(
            value = "/api/civil-registration",
            consumes = {"text/csv", "text/plain"})
    CivilRegistration.Result apply(@RequestBody String csv) {
        return registration.apply(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv));
    }
}
