package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starting campaigns and reading their progress. The process around them comes next (#3). */
@Service
@Transactional
public class Campaigns {

    private final CampaignRepository repository;
    private final Clock clock;

    Campaigns(CampaignRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Campaign open(Set<Long> institutionIds, LocalDate deadline, BigDecimal sampleRate, long seed, String by) {
        return repository.save(new Campaign(institutionIds, deadline,
                sampleRate == null ? SampleDraw.DEFAULT_RATE : sampleRate, seed, by, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Campaign require(long id) {
        return repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
    }
}
