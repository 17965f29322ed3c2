package org.dangan.workflow.web;

import org.dangan.workflow.platform.Refused;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An address under {@code /api} that no endpoint serves answers 404 in JSON: without this, the
 * screens' servlet would answer it with the application's HTML page and 200.
 */
@RestController
class UnknownApi {

    @RequestMapping("/api/**")
    void unknown() {
        throw Refused.notFound("error.noSuchApi");
    }
}
