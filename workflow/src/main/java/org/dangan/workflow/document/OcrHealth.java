package org.dangan.workflow.document;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "ocr": up while at least one recognition engine works, with
 * each engine's availability, its models and, when unavailable, why (details for signed-in users
 * only, as every component's).
 */
@Component("ocrHealthIndicator")
class OcrHealth implements HealthIndicator {

    private final OcrAvailability engines;

    OcrHealth(OcrAvailability engines) {
        this.engines = engines;
    }

    @Override
    public Health health() {
        Health.Builder health = engines.none() ? Health.down() : Health.up();
        for (OcrAvailability.Availability engine : engines.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available", engine.available());
            details.put("models", engine.models().toString());
            if (!engine.available()) {
                details.put("reason", engine.reason());
            }
            health.withDetail(engine.name(), details);
        }
        return health.build();
    }
}
