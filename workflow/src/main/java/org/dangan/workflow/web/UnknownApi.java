package org.dangan.workflow.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.dangan.workflow.platform.Refused;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An address under {@code /api} that no endpoint serves answers 404 in JSON: without this, the
 * screens' servlet would answer it with the application's HTML page and 200.
 *
 * <p>Because {@code /api/**} matches every method, it would also swallow a known address asked with
 * the wrong method; that one is told 405 and which methods it takes.
 */
@Hidden // not an endpoint: what the API answers where it has none
@RestController
class UnknownApi {

    private static final String EVERYTHING = "/api/**";

    private final RequestMappingHandlerMapping mappings;

    UnknownApi(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(EVERYTHING)
    void unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().contains(EVERYTHING)
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
        }
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw Refused.notFound("error.noSuchApi");
    }
}
