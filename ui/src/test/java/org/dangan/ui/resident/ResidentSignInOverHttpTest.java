package org.dangan.ui.resident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident's sign-in over real HTTP in the screens' application (the context KaribuTest and
 * BrowserTest share), with the code taken from the tests' SMS gateway; the token then opens
 * nothing of the staff's, the engine's REST servlet included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentSignInOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Residents residents;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_resident_signs_in_with_the_code_the_gateway_got_and_the_token_opens_no_staff_endpoint() throws Exception {
        Fixtures.County county = fixtures.county();
        residents.openPilotTo(county.a());
        Residents.Resident resident = residents.register(county.a(), 1);
        String id = resident.idNumber();
        String phone = resident.phone();

        assertThat(send("POST", "/api/resident/codes", json.writeValueAsString(new Pair(id, phone)), null)
                        .statusCode())
                .isEqualTo(202);
        String code = residents.lastCode(resident);
        HttpResponse<String> signedIn =
                send("POST", "/api/resident/sign-in", json.writeValueAsString(new Attempt(id, code)), null);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = json.readTree(signedIn.body()).get("token").asText();

        assertThat(send("GET", "/api/resident/nothing-here", null, token).statusCode())
                .isEqualTo(404);
        for (String staff : new String[] {"/api/records", "/api/audit", "/engine-rest/task", "/engine-rest/engine"}) {
            assertThat(send("GET", staff, null, token).statusCode()).as(staff).isIn(401, 403);
        }
        assertThat(send("POST", "/api/resident/sign-out", null, token).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/resident/nothing-here", null, token).statusCode())
                .isEqualTo(401);
    }

    record Pair(String idNumber, String phone) {}

    record Attempt(String idNumber, String code) {}
}
