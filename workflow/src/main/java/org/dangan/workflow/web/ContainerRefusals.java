package org.dangan.workflow.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.dangan.workflow.security.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them: an encoded slash, backslash or
 * NUL in the path, a request line or header over its limit. It used to answer those with its own
 * English HTML page; they now get the API's JSON refusal, in Chinese, with its message key.
 *
 * <p>Runs after Spring Boot's own customizer, which adds Tomcat's report valve, and takes its place.
 */
@Component
class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // the host adds a valve of this class when it starts unless it finds one
                host.setErrorReportValveClass(JsonReport.class.getName());
                host.getPipeline().addValve(new JsonReport());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the refusal where Tomcat would write its HTML report; an answer with a body is left alone. */
    public static class JsonReport extends ErrorReportValve {

        private static final Logger LOG = LoggerFactory.getLogger(ContainerRefusals.class);
        private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
        private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
                "i18n/messages",
                Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            String key = keyOf(status);
            // no filter ran, so no id yet: the answer and the log line share one, as for any request
            String id = RequestIds.randomId();
            response.setHeader(RequestIds.HEADER, id);
            LOG.info("the container refused a request with {} before the application (request {})", status, id);
            String body = "{\"status\":" + status + ",\"error\":\"" + reason(status) + "\",\"message\":\""
                    + messages(request).getString(key) + "\",\"details\":{\"key\":\"" + key + "\"}}";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer already started: nothing left to tell
            }
        }

        /** Chinese unless the client asks for English first, as the API answers (spring.web.locale). */
        private static ResourceBundle messages(Request request) {
            String asked = request.getHeader("Accept-Language");
            return asked != null && asked.strip().toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : MESSAGES;
        }

        static String keyOf(int status) {
            return switch (status) {
                case 401 -> "error.unauthenticated";
                case 404 -> "error.noSuchApi";
                case 405 -> "error.method";
                case 413 -> "error.tooLarge";
                default -> status < 500 ? "error.badRequest" : "error.server";
            };
        }

        private static String reason(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "Error" : known.getReasonPhrase();
        }
    }
}
