package org.dangan.workflow.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (the scan station's hot folder) runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {
}
