package org.dangan.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a webhook URL set, each notice is POSTed to a real local HTTP server: signed, in Chinese, without a person. */
@DanganTest
@Tag("slow") // a Spring context of its own (a webhook URL): a whole application start
class WebhookTest extends CheckoutRequests {

    private static final String SECRET = "county-messaging-secret";
    private static final HttpServer RECEIVER;
    private static final Queue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    /** How many of the next requests the receiver answers with 503. */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    record Received(String body, String signature) {}

    static {
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RECEIVER.createContext("/hook", exchange -> {
            RECEIVED.add(new Received(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Dangan-Signature")));
            exchange.sendResponseHeaders(FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204, -1);
            exchange.close();
        });
        RECEIVER.start();
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry properties) {
        properties.add(
                "dangan.notifications.webhook.url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
        properties.add("dangan.notifications.webhook.secret", () -> SECRET);
        properties.add("dangan.notifications.webhook.backoff", () -> "PT0.05S");
        properties.add("dangan.notifications.webhook.attempts", () -> "3");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void clearReceiver() {
        RECEIVED.clear();
        FAILURES.set(0);
    }

    private List<Received> about(long id) {
        return RECEIVED.stream()
                .filter(r -> r.body().contains("\"" + id + "\""))
                .toList();
    }

    @Test
    void a_new_task_goes_out_signed_with_its_chinese_text_and_ids_only() throws Exception {
        long id = requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7)).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> about(id).size() == 1);
        Received received = about(id).get(0);
        JsonNode body = json.readTree(received.body());
        assertThat(body.get("kind").asText()).isEqualTo("TASK");
        assertThat(body.get("messageKey").asText()).isEqualTo("notification.task");
        assertThat(body.get("text").asText()).isEqualTo("新任务：审批调阅（#" + id + "）");
        assertThat(body.get("route").asText()).isEqualTo("tasks");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(body.get("ids")).extracting(JsonNode::asText).containsExactly(Long.toString(id));
        assertThat(received.body())
                .as("no user name, no group, no file of a person")
                .doesNotContain(county.prefix(), county.a().getCode(), file, "医疗纠纷");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(received.signature())
                .isEqualTo("sha256="
                        + HexFormat.of().formatHex(mac.doFinal(received.body().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_receiver_that_fails_gets_the_same_notice_again_until_it_takes_it() {
        FAILURES.set(2);
        long id = requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7)).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> about(id).size() == 3);
        assertThat(about(id))
                .extracting(Received::body)
                .containsOnly(about(id).get(0).body());
        assertThat(FAILURES.get()).isZero();
    }
}
