package org.dangan.workflow.resident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county's SMS gateway: a JSON POST {@code {phone, templateId, parameters}} to
 * {@code dangan.resident.sms.gateway-url}, the template chosen by the message's kind. Any 2xx means
 * the gateway took the message; anything else, or no answer within the timeout, is tried again up
 * to {@code attempts} times with a pause that doubles. Called off the resident's request (see
 * {@link ResidentCodes}), so the pauses keep nobody waiting. Failures are logged by kind and status
 * only: never the phone, never the code.
 */
class HttpSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);

    private final String url;
    private final Map<Kind, String> templates;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final ObjectMapper json;
    private final HttpClient http;

    HttpSmsSender(
            String url,
            Map<Kind, String> templates,
            Duration timeout,
            int attempts,
            Duration backoff,
            ObjectMapper json) {
        this.url = url.strip();
        this.templates = Map.copyOf(templates);
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String phone, Kind kind, Map<String, String> parameters) {
        if (url.isEmpty()) {
            log.warn("SMS gateway: no dangan.resident.sms.gateway-url set; a {} message was not sent", kind);
            return;
        }
        byte[] body = body(phone, kind, parameters);
        String outcome = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .timeout(timeout)
                                        .header("Content-Type", "application/json; charset=utf-8")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    return;
                }
                outcome = "status " + status;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
            }
            if (attempt < attempts && !pause(backoff.multipliedBy(1L << (attempt - 1)))) {
                return;
            }
        }
        log.warn("SMS gateway: a {} message was not delivered after {} attempts ({})", kind, attempts, outcome);
    }

    private byte[] body(String phone, Kind kind, Map<String, String> parameters) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("phone", phone);
        fields.put("templateId", templates.get(kind));
        fields.put("parameters", parameters);
        try {
            return json.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** False when the thread was interrupted (the node stops). */
    private static boolean pause(Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
