package org.dangan.workflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dangan.workflow.platform.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each notice to the county's messaging system when {@code dangan.notifications.webhook.url}
 * is set (off by default): a JSON POST after the step's transaction commits, from a thread of its
 * own so that no user waits on it, retried with growing pauses. The body holds the kind, the key,
 * the Chinese text, the route, the time in China time and the ids, never a person; it is signed
 * with HMAC-SHA256 of the secret ({@code X-Dangan-Signature: sha256=<hex>}). A failure is logged
 * by its status or exception type, without the body. Notices still waiting when the node stops
 * are not sent: the bell keeps them.
 */
@Component
class Webhook {

    static final String SIGNATURE = "X-Dangan-Signature";
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ChinaTime.ZONE);

    private final String url;
    private final byte[] secret;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService sender;
    private final AtomicInteger posted = new AtomicInteger();

    Webhook(
            @Value("${dangan.notifications.webhook.url:}") String url,
            @Value("${dangan.notifications.webhook.secret:}") String secret,
            @Value("${dangan.notifications.webhook.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${dangan.notifications.webhook.timeout:PT10S}") Duration timeout,
            @Value("${dangan.notifications.webhook.attempts:4}") int attempts,
            @Value("${dangan.notifications.webhook.backoff:PT5S}") Duration backoff,
            MessageSource messages,
            ObjectMapper json) {
        this.url = url.strip();
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.messages = messages;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-webhook");
            t.setDaemon(true);
            return t;
        });
    }

    boolean enabled() {
        return !url.isEmpty();
    }

    /** How many POSTs were tried since the start, for the tests. */
    int posted() {
        return posted.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NoticeRaised raised) {
        if (!enabled()) {
            return;
        }
        byte[] body = body(raised);
        sender.execute(() -> send(raised.notice().kind(), body, 1));
    }

    byte[] body(NoticeRaised raised) {
        Notice notice = raised.notice();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", notice.kind().name());
        fields.put("messageKey", notice.messageKey());
        fields.put(
                "text",
                messages.getMessage(
                        notice.messageKey(),
                        notice.arguments().stream()
                                .map(Notifications::translatable)
                                .toArray(),
                        Locale.SIMPLIFIED_CHINESE));
        fields.put("route", notice.route());
        fields.put("createdAt", ISO.format(raised.at().truncatedTo(ChronoUnit.SECONDS)));
        fields.put("ids", notice.ids());
        try {
            return json.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(NotificationKind kind, byte[] body, int attempt) {
        String outcome;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (secret.length > 0) {
                request.header(SIGNATURE, "sha256=" + sign(body));
            }
            posted.incrementAndGet();
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
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
        if (attempt >= attempts) {
            log.warn("notification webhook: {} notice not delivered after {} attempts ({})", kind, attempt, outcome);
            return;
        }
        long pause = backoff.toMillis() << (2 * (attempt - 1)); // 1, 4, 16 times the backoff
        log.info(
                "notification webhook: attempt {} of a {} notice failed ({}); again in {} ms",
                attempt,
                kind,
                outcome,
                pause);
        sender.schedule(() -> send(kind, body, attempt + 1), pause, TimeUnit.MILLISECONDS);
    }

    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
