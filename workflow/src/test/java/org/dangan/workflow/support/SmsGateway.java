package org.dangan.workflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The county's SMS gateway as the tests see it: one local HTTP server per test JVM, on a free
 * port, that takes {@code {phone, templateId, parameters}} like the real one and keeps every
 * message, so a test can read the code sent to a phone. {@link Initializer} (named in this test
 * jar's {@code META-INF/spring.factories}) points every test application context at it, so the
 * shared contexts of workflow and ui stay one each.
 */
public final class SmsGateway {

    /** One message as the gateway took it. */
    public record Message(String phone, String templateId, Map<String, String> parameters) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Queue<Message> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000L);
    private static final HttpServer SERVER = start();

    private SmsGateway() {}

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                try (exchange) {
                    JsonNode body = JSON.readTree(exchange.getRequestBody());
                    if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    Map<String, String> parameters = new LinkedHashMap<>();
                    body.path("parameters")
                            .fields()
                            .forEachRemaining(
                                    e -> parameters.put(e.getKey(), e.getValue().asText()));
                    RECEIVED.add(new Message(
                            body.path("phone").asText(), body.path("templateId").asText(), Map.copyOf(parameters)));
                    exchange.sendResponseHeaders(202, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the tests' SMS gateway could not start", e);
        }
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/sms";
    }

    /** Every message taken for this phone, oldest first. */
    public static List<Message> to(String phone) {
        return RECEIVED.stream().filter(m -> m.phone().equals(phone)).toList();
    }

    /** The code of the last message to this phone, if any came. */
    public static Optional<String> lastCodeTo(String phone) {
        List<Message> messages = to(phone);
        return messages.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(
                        messages.get(messages.size() - 1).parameters().get("code"));
    }

    /** The next {@code n} messages are answered 503 (and not kept), as a gateway that is down. */
    public static void failNext(int n) {
        FAILURES.set(n);
    }

    /** A mobile number no other test of this JVM uses: its messages are this test's alone. */
    public static String newPhone() {
        return "139" + "%08d".formatted(PHONES.incrementAndGet() % 100_000_000L);
    }

    /** Sends the SMS of every context of the test JVM to this gateway, without retry pauses. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "tests-sms-gateway",
                            Map.of(
                                    "dangan.resident.sms.sender", "http",
                                    "dangan.resident.sms.gateway-url", url(),
                                    "dangan.resident.sms.backoff", "PT0S",
                                    "dangan.resident.sms.timeout", "PT5S")));
        }
    }
}
