package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo's log sender: one masked line per message, and never outside the demo profile. */
class SmsSendersTest {

    private final ApplicationContextRunner senders =
            new ApplicationContextRunner().withBean(ObjectMapper.class).withUserConfiguration(SmsConfiguration.class);

    @Test
    void the_log_sender_refuses_to_start_outside_the_demo_profile() {
        senders.withPropertyValues("dangan.resident.sms.sender=log")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dangan.resident.sms.sender=log")
                        .hasMessageContaining("demo profile only"));
        senders.withPropertyValues("dangan.resident.sms.sender=log", "spring.profiles.active=demo")
                .run(context -> assertThat(context).getBean(SmsSender.class).isInstanceOf(LogSmsSender.class));
        senders.withPropertyValues("dangan.resident.sms.sender=pigeon")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("use http or log"));
        senders.run(context -> assertThat(context).getBean(SmsSender.class).isInstanceOf(HttpSmsSender.class));
    }

    @Test
    void the_log_sender_writes_one_line_with_demo_sms_the_masked_phone_the_kind_and_the_code() {
        Logger logger = (Logger) LoggerFactory.getLogger(LogSmsSender.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
        try {
            new LogSmsSender().send("13912345678", SmsSender.Kind.SIGN_IN_CODE, Map.of("code", "042917"));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage())
                .contains("DEMO-SMS", "139****5678", "SIGN_IN_CODE", "042917")
                .doesNotContain("13912345678");
    }
}
