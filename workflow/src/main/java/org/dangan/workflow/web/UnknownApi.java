package org.dangan.workflow.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.dangan.workflow.platform.Refused;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An address under {@code /api} that no endpoint serves answers 404 in JSON: without this, the
 * screens' servlet would answer it with the application's HTML page and 200.
 */
@Hidden // not an endpoint: what the API answers where it has none
@RestController
class UnknownApi {

    @RequestMapping("/api/**")
    void unknown() {
        throw Refused.notFound("error.noSuchApi");
    }
}
