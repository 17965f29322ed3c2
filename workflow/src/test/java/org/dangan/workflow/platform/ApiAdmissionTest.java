package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.dangan.workflow.security.JsonRefusals;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

class ApiAdmissionTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final JsonRefusals refusals;

    ApiAdmissionTest() {
        messages.addMessage(ApiAdmission.BUSY, Locale.SIMPLIFIED_CHINESE, "服务器繁忙：请{0}秒后再试");
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        refusals = new JsonRefusals(messages, new ObjectMapper(), locales);
    }

    private OncePerRequestFilter filter(ApiAdmission admission) {
        return admission.apiAdmissionFilter().getFilter();
    }

    private static MockHttpServletRequest api(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    @Test
    void a_request_past_the_limit_waits_its_turn_and_is_served_when_one_frees() throws Exception {
        ApiAdmission admission = new ApiAdmission(1, Duration.ofMinutes(1), refusals);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        FilterChain slow = held(inside, leave);
        AtomicBoolean served = new AtomicBoolean();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(admission, slow));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second =
                CompletableFuture.runAsync(() -> run(admission, (req, res) -> served.set(true)));

        await().atMost(Duration.ofSeconds(30)).until(() -> admission.waiting() == 1);
        assertThat(served).isFalse();
        leave.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(served).isTrue();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void a_request_that_waits_too_long_is_told_in_chinese_that_the_server_is_busy() throws Exception {
        ApiAdmission admission = new ApiAdmission(1, Duration.ofMillis(1), refusals);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(admission, held(inside, leave)));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean served = new AtomicBoolean();
        filter(admission).doFilter(api("/api/records"), response, (req, res) -> served.set(true));

        assertThat(served).isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"key\":\"api.busy\"")
                .contains("服务器繁忙");
        leave.countDown();
        first.get(30, TimeUnit.SECONDS);
        // the turn came back: the next request is served
        filter(admission).doFilter(api("/api/records"), new MockHttpServletResponse(), (req, res) -> served.set(true));
        assertThat(served).isTrue();
    }

    @Test
    void uploads_downloads_of_stored_files_and_the_screens_pass_without_a_turn() throws Exception {
        ApiAdmission admission = new ApiAdmission(1, Duration.ofMillis(1), refusals);
        MockHttpServletRequest upload = api("/api/documents");
        upload.setMethod("POST");
        upload.setContentType("multipart/form-data; boundary=x");
        MockHttpServletRequest big = api("/api/civil-registration");
        big.setMethod("POST");
        big.setContentType("text/csv");
        big.setContent(new byte[2 * 1024 * 1024]);

        assertThat(ApiAdmission.takesATurn(api("/api/records"))).isTrue();
        // the path as routed, not as spelled; a header without a body is no upload
        assertThat(ApiAdmission.takesATurn(api("/%61pi/records"))).isTrue();
        assertThat(ApiAdmission.takesATurn(api("/api/records;x"))).isTrue();
        MockHttpServletRequest getAsUpload = api("/api/boxes/labels.pdf");
        getAsUpload.setContentType("multipart/form-data; boundary=x");
        getAsUpload.addHeader("Transfer-Encoding", "chunked");
        assertThat(ApiAdmission.takesATurn(getAsUpload)).isTrue();
        MockHttpServletRequest mapped = api("/%61pi/records");
        mapped.setServletPath("/api/records");
        assertThat(ApiAdmission.takesATurn(mapped)).isTrue();
        assertThat(ApiAdmission.takesATurn(api("/engine-rest/task/1/complete"))).isFalse();
        assertThat(ApiAdmission.takesATurn(upload)).isFalse();
        assertThat(ApiAdmission.takesATurn(big)).isFalse();
        assertThat(ApiAdmission.takesATurn(api("/api/documents/7/pdf"))).isFalse();
        assertThat(ApiAdmission.takesATurn(api("/api/handovers/3/bag.zip"))).isFalse();
        assertThat(ApiAdmission.takesATurn(api("/api/handovers/3/list.pdf"))).isTrue();
        assertThat(ApiAdmission.takesATurn(api("/records"))).isFalse();
        assertThat(ApiAdmission.takesATurn(api("/VAADIN/push"))).isFalse();
        assertThat(admission.limit()).isEqualTo(1);
    }

    @Test
    void printables_hold_at_most_a_quarter_of_the_turns_and_the_rest_of_the_api_keeps_the_others() throws Exception {
        ApiAdmission admission = new ApiAdmission(4, Duration.ofMillis(1), refusals);
        CountDownLatch printing = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<Void> labels =
                CompletableFuture.runAsync(() -> run(admission, api("/api/boxes/labels.pdf"), held(printing, leave)));
        assertThat(printing.await(30, TimeUnit.SECONDS)).isTrue();

        // another client's printable waits for the one print turn of four turns, and is refused
        MockHttpServletResponse refused = new MockHttpServletResponse();
        AtomicBoolean printed = new AtomicBoolean();
        MockHttpServletRequest elsewhere = api("/api/paper-files/labels.pdf");
        elsewhere.setRemoteAddr("192.0.2.7");
        filter(admission).doFilter(elsewhere, refused, (req, res) -> printed.set(true));
        assertThat(printed).isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"key\":\"api.busy\"");

        // the other three turns are the rest of the API's: three requests are inside at once
        CountDownLatch others = new CountDownLatch(3);
        List<CompletableFuture<Void>> lists = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lists.add(CompletableFuture.runAsync(() -> run(admission, held(others, leave))));
        }
        assertThat(others.await(30, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse full = new MockHttpServletResponse();
        filter(admission).doFilter(api("/api/records"), full, (req, res) -> {});
        assertThat(full.getStatus()).isEqualTo(503);

        leave.countDown();
        labels.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> list : lists) {
            list.get(30, TimeUnit.SECONDS);
        }
        // both kinds of turn came back
        filter(admission).doFilter(api("/api/paper-files/labels.pdf"), new MockHttpServletResponse(), (req, res) -> {
            printed.set(true);
        });
        assertThat(printed).isTrue();
        assertThat(ApiAdmission.isPrintable(api("/api/boxes/B1/contents.pdf"))).isTrue();
        assertThat(ApiAdmission.isPrintable(api("/api/records"))).isFalse();
    }

    @Test
    void one_account_holds_at_most_half_the_print_turns_and_others_can_still_print() throws Exception {
        ApiAdmission admission = new ApiAdmission(16, Duration.ofMinutes(1), refusals);
        CountDownLatch printing = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        List<CompletableFuture<Void>> sheets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sheets.add(
                    CompletableFuture.runAsync(() -> run(admission, labelsAs("archivist-a"), held(printing, leave))));
        }
        assertThat(printing.await(30, TimeUnit.SECONDS)).isTrue();

        // two of the four print turns are free, but not for archivist-a: refused at once, not after a wait
        MockHttpServletResponse third = new MockHttpServletResponse();
        AtomicBoolean printed = new AtomicBoolean();
        filter(admission).doFilter(labelsAs("archivist-a"), third, (req, res) -> printed.set(true));
        assertThat(printed).isFalse();
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(admission.waiting()).isZero();
        // another account prints meanwhile
        filter(admission)
                .doFilter(labelsAs("archivist-b"), new MockHttpServletResponse(), (req, res) -> printed.set(true));
        assertThat(printed).isTrue();

        leave.countDown();
        for (CompletableFuture<Void> sheet : sheets) {
            sheet.get(30, TimeUnit.SECONDS);
        }
        printed.set(false);
        filter(admission)
                .doFilter(labelsAs("archivist-a"), new MockHttpServletResponse(), (req, res) -> printed.set(true));
        assertThat(printed).isTrue();
        // the account a request names at its address: a stranger naming it elsewhere takes none of its share
        assertThat(ApiAdmission.client(labelsAs("archivist-a"))).isEqualTo("account:archivist-a@127.0.0.1");
        MockHttpServletRequest stranger = labelsAs("archivist-a");
        stranger.setRemoteAddr("192.0.2.9");
        assertThat(ApiAdmission.client(stranger)).isEqualTo("account:archivist-a@192.0.2.9");
        // without an account, or with one that is no Base64, its address
        MockHttpServletRequest garbled = api("/api/boxes/labels.pdf");
        garbled.addHeader("Authorization", "Basic %%%");
        assertThat(ApiAdmission.client(garbled)).isEqualTo("address:127.0.0.1");
    }

    private static MockHttpServletRequest labelsAs(String user) {
        MockHttpServletRequest request = api("/api/boxes/labels.pdf");
        request.addHeader(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":dangan-demo").getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    @Test
    void without_a_limit_no_request_waits() throws Exception {
        ApiAdmission admission = new ApiAdmission(0, Duration.ofMillis(1), refusals);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        FilterChain held = held(inside, leave);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(admission, held));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(admission, held));
        // both inside at once, where a limit of one would have kept the second out
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        leave.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(admission.limit()).isZero();
    }

    @Test
    void a_body_sent_slowly_is_read_before_the_turn_and_holds_none() throws Exception {
        ApiAdmission admission = new ApiAdmission(1, Duration.ofMinutes(1), refusals);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        MockHttpServletRequest post = api("/api/records/1/corrections");
        post.setMethod("POST");
        post.setContentType("application/json");
        post.setCharacterEncoding("UTF-8");
        byte[] json = "{\"name\": \"张三\"}".getBytes(StandardCharsets.UTF_8);
        post.setContent(json);
        // a client that has sent the headers and sends its body only when the test says so
        HttpServletRequest slow = new HttpServletRequestWrapper(post) {
            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(json);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        awaitBody();
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        awaitBody();
                        return in.read(b, off, len);
                    }

                    private void awaitBody() {
                        reading.countDown();
                        try {
                            sent.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
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
                    public void setReadListener(ReadListener listener) {}
                };
            }
        };
        AtomicReference<String> received = new AtomicReference<>();
        CompletableFuture<Void> slowPost = CompletableFuture.runAsync(() -> {
            try {
                filter(admission)
                        .doFilter(
                                slow,
                                new MockHttpServletResponse(),
                                (req, res) ->
                                        received.set(req.getReader().lines().collect(Collectors.joining())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

        // the only turn is free while the slow client is still sending
        AtomicBoolean served = new AtomicBoolean();
        filter(admission).doFilter(api("/api/records"), new MockHttpServletResponse(), (req, res) -> served.set(true));
        assertThat(served).isTrue();
        assertThat(received.get()).isNull();

        sent.countDown();
        slowPost.get(30, TimeUnit.SECONDS);
        assertThat(received.get()).isEqualTo("{\"name\": \"张三\"}");
    }

    @Test
    void by_default_a_node_works_on_eight_api_requests_per_core_at_once() {
        ApiAdmission admission = new ApiAdmission(-1, Duration.ofMillis(1), refusals);
        assertThat(admission.limit())
                .isEqualTo(ApiAdmission.PER_CORE * Runtime.getRuntime().availableProcessors())
                .isEqualTo(8 * Runtime.getRuntime().availableProcessors());
    }

    /** A request that stays inside until {@code leave} opens, saying when it got in. */
    private static FilterChain held(CountDownLatch inside, CountDownLatch leave) {
        return (req, res) -> {
            inside.countDown();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void run(ApiAdmission admission, FilterChain chain) {
        run(admission, api("/api/records"), chain);
    }

    private void run(ApiAdmission admission, MockHttpServletRequest request, FilterChain chain) {
        try {
            filter(admission).doFilter(request, new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
