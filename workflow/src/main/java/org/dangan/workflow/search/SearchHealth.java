package org.dangan.workflow.search;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "search": up while the index answers, with its backend and size. */
@Component("searchHealthIndicator")
class SearchHealth implements HealthIndicator {

    private final SearchIndex index;

    SearchHealth(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            SearchIndex.Status status = index.status();
            return Health.up()
                    .withDetail("backend", status.backend())
                    .withDetail("pages", status.pages())
                    .withDetail("waiting", status.waiting())
                    .withDetail("rebuilding", status.rebuilding())
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    .build();
        }
    }
}
