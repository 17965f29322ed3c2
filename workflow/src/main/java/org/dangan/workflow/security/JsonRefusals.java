package org.dangan.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refusals made before any controller runs (the URL rules, the firewall) answer like a service's
 * refusal: JSON with a message key, in the language the API speaks (Chinese unless the client asks
 * otherwise). The servlet's own locale would be the server's, English on most machines.
 */
@Component
public class JsonRefusals implements RequestRejectedHandler {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;
    private final RequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();

    public JsonRefusals(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, denied) -> write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    /**
     * A path the firewall refuses ({@code //}, {@code ;}, an encoded slash) under {@code /api} or
     * {@code /engine-rest} is a 400 in the API's JSON; left to the error page, it sent an API client
     * to the login form.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (forTheApi(request.getRequestURI())) {
            write(request, response, HttpStatus.BAD_REQUEST, "error.badRequest");
        } else {
            elsewhere.handle(request, response, rejected);
        }
    }

    /**
     * Whether a refused path was meant for the API or the engine's REST API: judged on the path as
     * the firewall would have seen it cleaned ({@code //api}, {@code /api;x}, {@code /./api}), since
     * the refusal is for exactly such paths.
     */
    static boolean forTheApi(String uri) {
        String path = uri.toLowerCase(Locale.ROOT)
                .replace("%2e", ".")
                .replaceAll(";[^/]*", "")
                .replaceAll("/+", "/");
        for (String previous = null; !path.equals(previous); ) {
            previous = path;
            path = path.replace("/./", "/");
        }
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    /**
     * Answers a request refused before any controller (the resident API's filters, issue 19) with
     * the API's JSON body under {@code key}, its message filled with {@code args}.
     */
    public void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
            throws IOException {
        write(request, response, status, key, args);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", messages.getMessage(key, args.length == 0 ? null : args, locales.resolveLocale(request)));
        body.put("details", Map.of("key", key));
        json.writeValue(response.getOutputStream(), body);
    }
}
