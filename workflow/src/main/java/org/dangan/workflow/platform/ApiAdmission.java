package org.dangan.workflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.dangan.workflow.security.JsonRefusals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * How many API requests a node works on at once ({@code dangan.api.concurrent-requests}, by default
 * eight per core); the others wait their turn, first come first served. On two cores with 50 clients
 * the machine is saturated whatever the limit: without one, every request is sliced among fifty
 * threads and waits for a database connection three times over, so task completions took 1.1 s at
 * the 99th percentile. With 16, fewer threads share the cores and a request waits once, in the
 * queue: every type's 99th percentile came under a second (issue 21, docs/benchmarks.md). Uploads and
 * downloads of stored files pass without a turn: they wait on the network, not on the cores, and a
 * long one would hold a turn for minutes. Printables made on request (labels, lists, reports as
 * PDF) may hold at most a quarter of the turns: one user asking for eighteen sheets of 600 labels
 * at once (8 s each) held all sixteen, and every other API user waited 30 s and was refused for a
 * minute. One client (an account at an address, else an address) may hold at most half of those:
 * past that, its printables are refused at once, and others can still print. The screens are not
 * API requests and never wait here.
 */
@Configuration
class ApiAdmission {

    static final String BUSY = "api.busy";

    /** The default limit per core: 16 on two cores is what was measured (issue 21). */
    static final int PER_CORE = 8;

    private final Semaphore turns;
    private final Semaphore printTurns;
    private final int printTurnsPerClient;
    private final Map<String, Integer> printing = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration maxWait;
    private final JsonRefusals refusals;

    ApiAdmission(
            @Value("${dangan.api.concurrent-requests:-1}") int concurrent,
            @Value("${dangan.api.max-wait:PT30S}") Duration maxWait,
            JsonRefusals refusals) {
        this.limit = concurrent < 0 ? PER_CORE * Runtime.getRuntime().availableProcessors() : concurrent;
        this.turns = new Semaphore(Math.max(limit, 1), true);
        this.printTurns = new Semaphore(Math.max(limit / 4, 1), true);
        this.printTurnsPerClient = Math.max(limit / 8, 1);
        this.maxWait = maxWait;
        this.refusals = refusals;
    }

    /**
     * Requests that take a turn: the JSON API, but not an upload, nor the download of a stored file
     * (a document's PDF, a handover's bag), which is paced by the client. The engine's REST API takes
     * none: the limit was measured with the task completions beside the queue (issue 21).
     */
    static boolean takesATurn(HttpServletRequest request) {
        String path = path(request);
        if (!path.startsWith("/api/")) {
            return false;
        }
        if (path.endsWith("/pdf") || path.endsWith(".zip")) {
            return false;
        }
        // only a request that sends a body can be an upload: a header alone let a GET skip the queue
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            return true;
        }
        String type = request.getContentType();
        boolean upload = (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
                || request.getContentLengthLong() > 1024 * 1024
                || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        return !upload;
    }

    /** A printable made on request, which takes a print turn before its turn: see the class. */
    static boolean isPrintable(HttpServletRequest request) {
        return path(request).endsWith(".pdf");
    }

    /**
     * The path the application routes by: decoded and normalised by the container, without path
     * parameters. The raw URI let a spelling such as {@code /%61pi/records} skip the queue.
     */
    private static String path(HttpServletRequest request) {
        String mapped = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // empty only outside a container that has mapped the request to a servlet
        return mapped.isEmpty() ? UrlPathHelper.defaultInstance.getPathWithinApplication(request) : mapped;
    }

    /** Requests at once; 0 when there is no limit. */
    int limit() {
        return limit;
    }

    /** Requests now waiting for a turn or a print turn. */
    int waiting() {
        return turns.getQueueLength() + printTurns.getQueueLength();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiAdmissionFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (limit == 0 || !takesATurn(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                // the body is read before the turn: a client that sends it slowly holds its own
                // thread, not one of the few turns every API user shares
                request = readBody(request);
                long deadline = System.nanoTime() + maxWait.toNanos();
                String printer = isPrintable(request) ? client(request) : null;
                if (printer != null && !takePrintShare(printer)) {
                    busy(request, response);
                    return;
                }
                Semaphore print = printer == null ? null : printTurns;
                if (print != null && !acquire(print, deadline)) {
                    givePrintShareBack(printer);
                    busy(request, response);
                    return;
                }
                try {
                    if (!acquire(turns, deadline)) {
                        busy(request, response);
                        return;
                    }
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        turns.release();
                    }
                } finally {
                    if (print != null) {
                        print.release();
                        givePrintShareBack(printer);
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // before the sign-in: checking a password and loading the account is work that takes a turn too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Who asks, for the share of print turns: the account a request names at its address, else the
     * address. The name is not yet checked here, before the sign-in; with the address beside it, a
     * stranger naming another's account takes no share of that account's own.
     */
    static String client(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return "account:" + (colon < 0 ? pair : pair.substring(0, colon)) + "@" + request.getRemoteAddr();
            } catch (IllegalArgumentException e) {
                // not Base64: the sign-in will refuse it; until then it counts as its address
            }
        }
        return "address:" + request.getRemoteAddr();
    }

    private boolean takePrintShare(String client) {
        boolean[] taken = {false};
        printing.compute(client, (c, held) -> {
            int now = held == null ? 0 : held;
            if (now >= printTurnsPerClient) {
                return held;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void givePrintShareBack(String client) {
        printing.computeIfPresent(client, (c, held) -> held <= 1 ? null : held - 1);
    }

    /** One permit, waited for until {@code deadline} (a {@link System#nanoTime()}) at the latest. */
    private static boolean acquire(Semaphore semaphore, long deadline) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The request with its body read: a form's parameters parsed by the container, any other body
     * (at most 1 MB, or it would take no turn) held in memory and read again from there.
     */
    static HttpServletRequest readBody(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length <= 0) {
            return request;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            request.getParameterMap();
            return request;
        }
        return new ReadBody(request, request.getInputStream().readNBytes((int) length));
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long retry = Math.max(1, maxWait.toSeconds());
        response.setHeader("Retry-After", Long.toString(retry));
        refusals.refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, BUSY, retry);
    }

    /** A request whose body was read ahead: its stream and reader give the bytes kept. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is here already: the listener is told so at once
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                // as the container's reader: ISO-8859-1 unless the request names its encoding
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
