package org.dangan.workflow.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (the scan station's hot folder) runs on Spring's scheduler, on the one clock. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // a day, a deadline or a due date counts in China's day, wherever the server stands
        return Clock.system(ChinaTime.ZONE);
    }
}
