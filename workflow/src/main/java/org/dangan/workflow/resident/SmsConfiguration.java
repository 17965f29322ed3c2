package org.dangan.workflow.resident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the SMS sender by {@code dangan.resident.sms.sender}: {@code http} (the county's gateway,
 * the default) or {@code log} (the demo's, which writes codes to the log and is therefore refused
 * at start outside the {@code demo} profile).
 */
@Configuration
class SmsConfiguration {

    static final String SENDER = "dangan.resident.sms.sender";

    @Bean
    SmsSender smsSender(Environment environment, ObjectMapper json) {
        String sender = environment.getProperty(SENDER, "http").strip().toLowerCase(Locale.ROOT);
        switch (sender) {
            case "log" -> {
                if (!environment.matchesProfiles("demo")) {
                    throw new IllegalStateException(SENDER + "=log writes residents' sign-in codes to the log and is"
                            + " allowed under the demo profile only; set " + SENDER + "=http and"
                            + " dangan.resident.sms.gateway-url to the county's SMS gateway");
                }
                return new LogSmsSender();
            }
            case "http" -> {
                Map<SmsSender.Kind, String> templates = new EnumMap<>(SmsSender.Kind.class);
                for (SmsSender.Kind kind : SmsSender.Kind.values()) {
                    String name = settingName(kind);
                    templates.put(kind, environment.getProperty("dangan.resident.sms.templates." + name, name));
                }
                return new HttpSmsSender(
                        environment.getProperty("dangan.resident.sms.gateway-url", ""),
                        templates,
                        environment.getProperty("dangan.resident.sms.timeout", Duration.class, Duration.ofSeconds(10)),
                        environment.getProperty("dangan.resident.sms.attempts", Integer.class, 3),
                        environment.getProperty("dangan.resident.sms.backoff", Duration.class, Duration.ofSeconds(2)),
                        json);
            }
            default ->
                throw new IllegalStateException(SENDER + "=" + sender + ": use http or log (log in the demo only)");
        }
    }

    /** SIGN_IN_CODE is set as {@code sign-in-code}. */
    static String settingName(SmsSender.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
