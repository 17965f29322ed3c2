package org.dangan.workflow.support;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.verification.Campaigns;
import org.springframework.stereotype.Component;

/** A campaign started by the county supervisor and run until its institutions' self-checks are open. */
@Component
public class SelfChecks {

    private final Campaigns campaigns;
    private final ManagementService management;
    private final AsUser asUser;

    public SelfChecks(Campaigns campaigns, ManagementService management, AsUser asUser) {
        this.campaigns = campaigns;
        this.management = management;
        this.asUser = asUser;
    }

    /** Answers the campaign's process instance id. */
    public String open(Fixtures.County county, Institution... institutions) {
        asUser.login(county.user("county-supervisor"));
        String process;
        try {
            process = campaigns
                    .start(new Campaigns.StartRequest(
                            List.of(institutions).stream()
                                    .map(Institution::getCode)
                                    .toList(),
                            LocalDate.now(ChinaTime.ZONE).plusDays(30),
                            null,
                            1L))
                    .getProcessInstanceId();
        } finally {
            AsUser.logout();
        }
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        return process;
    }
}
