package org.dangan.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dangan.workflow.support.Fixtures;

/**
 * Requests to the real server a test started (Tomcat, Spring Security's chains, Vaadin's servlet,
 * the engine's Jersey servlet), as a client with HTTP Basic or as a browser after the login form.
 */
public final class ServerHttp {

    private final int port;

    public ServerHttp(int port) {
        this.port = port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** With Basic credentials of {@code user} (password {@link Fixtures#PASSWORD}), or none when null. */
    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = request(path);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(HttpClient.newHttpClient(), request);
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the screens' login form and keeps the session cookie, as a browser does. */
    public HttpClient loggedIn(String user) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(request("/login").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = client.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=" + Fixtures.PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }
}
