package org.dangan.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the log's {@code requestId} field and the response's
 * X-Request-Id header: the proxy's id when it sends a sane one, else a new one. A user's report
 * ("it failed at 10:02, id …") then leads to the log lines of that request on whichever node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        // only what a proxy would send: the id goes into logs, so nothing a client could smuggle lines with
        String id = given != null && given.matches("[A-Za-z0-9._-]{8,64}") ? given : randomId();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * A version 4 UUID; a label for the logs, not a secret: SecureRandom's lock queued requests
     * under load. Also for the answers Tomcat gives before any filter runs.
     */
    public static String randomId() {
        long high = ThreadLocalRandom.current().nextLong();
        long low = ThreadLocalRandom.current().nextLong();
        return new UUID((high & ~0xf000L) | 0x4000L, (low & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
    }
}
