package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.dangan.ocr.paddle.PaddleModels;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without libtesseract: the node starts (it used to exit), says why in its log and its
 * health, reads a scan whose type asks for Tesseract with PP-OCR instead, and everything else
 * answers. The library is named wrong
 * for JNA ({@code -Ddangan.ocr.tesseract.library}), in a JVM of its own: a library once loaded
 * stays loaded, and this test JVM has loaded the real one.
 */
@Tag("slow") // starts a node in a JVM of its own: a whole application start
class OcrWithoutTesseractTest {

    @TempDir
    Path home;

    private ChildNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (node != null) {
            node.process().destroyForcibly();
        }
    }

    @Test
    void the_node_starts_reports_tesseract_unavailable_and_reads_with_pp_ocr() throws Exception {
        assertThat(PaddleModels.problems(PaddleModels.SYSTEM_DIR))
                .as("the PP-OCR models at %s (install them with src/dev/ocr-models.sh)", PaddleModels.SYSTEM_DIR)
                .isEmpty();
        node = ChildNode.start(
                List.of("-Ddangan.ocr.tesseract.library=no-such-tesseract"),
                OcrWithoutTesseractNode.class,
                List.of(home.toString()));

        // one line per engine, PP-OCR first
        node.await("OCR engine paddle: available, models in " + PaddleModels.SYSTEM_DIR);
        node.await("OCR engine tesseract: unavailable: the Tesseract library \\(no-such-tesseract\\) cannot be loaded");
        Matcher ready = node.await("NODE READY port (\\d+) users (\\S+) document (\\d+)");
        String base = "http://localhost:" + ready.group(1);
        String users = ready.group(2);
        long document = Long.parseLong(ready.group(3));
        // anonymous: the state of each component, no details
        HttpResponse<String> health = get(base + "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.components.ocr.status"))
                .isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(health.body(), "$.components.ocr"))
                .doesNotContainKey("details");

        // an admin: which engine, and why not
        String admin = get(base + "/actuator/health", users + "admin").body();
        assertThat(JsonPath.<Boolean>read(admin, "$.components.ocr.details.tesseract.available"))
                .isFalse();
        assertThat(JsonPath.<String>read(admin, "$.components.ocr.details.tesseract.reason"))
                .startsWith("the Tesseract library (no-such-tesseract) cannot be loaded: ")
                .endsWith("; install Debian's tesseract-ocr");
        assertThat(JsonPath.<Boolean>read(admin, "$.components.ocr.details.paddle.available"))
                .isTrue();

        // the scan is read all the same, by the engine the node has; the rest of the application answers
        String url = base + "/api/documents/" + document;
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> List.of("REVIEW", "ARCHIVED")
                        .contains(JsonPath.<String>read(
                                get(url, users + "archivist-a").body(), "$.state")));
        String read = get(url, users + "archivist-a").body();
        assertThat(JsonPath.<String>read(read, "$.ocrEngine")).isEqualTo("PADDLE");
        assertThat(JsonPath.<Object>read(read, "$.waiting")).isNull();
        assertThat(get(base + "/api/documents/" + document + "/text", users + "archivist-a")
                        .body())
                .contains("血常规");
        HttpResponse<String> institutions = get(base + "/api/institutions", users + "county-supervisor");
        assertThat(institutions.statusCode()).isEqualTo(200);
        assertThat(institutions.body()).contains("测试县");
    }

    private HttpResponse<String> get(String url, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
