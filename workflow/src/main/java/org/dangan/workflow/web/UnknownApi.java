package org.dangan.workflow.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dangan.workflow.platform.Refused;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An address under {@code /api} that no endpoint serves answers 404 in JSON: without this, the
 * screens' servlet would answer it with the application's HTML page and 200.
 *
 * <p>Because {@code /api/**} matches every request, it would also swallow a known address asked
 * with the wrong method (told 405 and the methods it takes) or the wrong content type (415).
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
    void unknown(HttpServletRequest request) throws ServletException {
        Set<String> allowed = new TreeSet<>();
        List<RequestMappingInfo> sameMethod = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().contains(EVERYTHING)
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            if (info.getMethodsCondition().getMatchingCondition(request) != null) {
                sameMethod.add(info);
            }
        }
        if (!sameMethod.isEmpty()) {
            // the address and method are right, the body's type or the answer's is not
            throw mediaTypeRefusal(request, sameMethod);
        }
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw Refused.notFound("error.noSuchApi");
    }

    private static ServletException mediaTypeRefusal(HttpServletRequest request, List<RequestMappingInfo> infos) {
        List<MediaType> consumable = new ArrayList<>();
        boolean consumes = false;
        for (RequestMappingInfo info : infos) {
            consumable.addAll(info.getConsumesCondition().getConsumableMediaTypes());
            consumes |= info.getConsumesCondition().getMatchingCondition(request) != null;
        }
        if (!consumes) {
            MediaType sent =
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return new HttpMediaTypeNotSupportedException(sent, consumable, HttpMethod.valueOf(request.getMethod()));
        }
        return new HttpMediaTypeNotAcceptableException(infos.stream()
                .flatMap(info -> info.getProducesCondition().getProducibleMediaTypes().stream())
                .toList());
    }
}
