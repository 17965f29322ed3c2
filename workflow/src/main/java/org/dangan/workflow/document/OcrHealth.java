package org.dangan.workflow.document;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "ocr": up while at least one recognition engine works, else
 * degraded, with each engine's availability, its models and, when unavailable, why (details for
 * administrators only: they name directories).
 */
@Component("ocrHealthIndicator")
class OcrHealth implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final OcrAvailability engines;

    OcrHealth(OcrAvailability engines) {
        this.engines = engines;
    }

    @Override
    public Health health() {
        // without OCR the node still serves everything else: DEGRADED answers 200, so a load balancer
        // keeps it (application.yaml orders and maps the status), and the reason is in the details
        Health.Builder health = engines.none() ? Health.status(DEGRADED) : Health.up();
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
