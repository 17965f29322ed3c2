package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting campaigns and finding them. A campaign and its process instance start in one
 * transaction: there is never a campaign without its process, or a process without its campaign.
 */
@Service
@Transactional
public class Campaigns {

    public static final String PROCESS_KEY = "verificationCampaign";

    private final CampaignRepository repository;
    private final Institutions institutions;
    private final RuntimeService runtime;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final OpenCampaigns open;

    private final ApplicationEventPublisher events;

    Campaigns(
            CampaignRepository repository,
            Institutions institutions,
            RuntimeService runtime,
            AuditLog auditLog,
            Clock clock,
            OpenCampaigns open,
            ApplicationEventPublisher events) {
        this.events = events;
        this.open = open;
        this.repository = repository;
        this.institutions = institutions;
        this.runtime = runtime;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What a county supervisor asks for: institutions by code (or id), a deadline, optionally rate and seed. */
    public record StartRequest(List<String> institutions, LocalDate deadline, BigDecimal sampleRate, Long seed) {}

    /** Whether the current user may start a campaign at all: a supervisor of a county health bureau. */
    @Transactional(readOnly = true)
    public boolean mayStart() {
        DanganUser user = CurrentUser.require();
        return user.is(Role.SUPERVISOR)
                && institutions.require(user.institutionId()).getType() == InstitutionType.COUNTY_BUREAU;
    }

    /**
     * The institutions the current user may start a campaign for: the active primary-care
     * institutions of the user's county (township and community centres and village clinics), by
     * code; none for a user who may not start one. A merged or closed institution is not offered.
     */
    @Transactional(readOnly = true)
    public List<Institution> eligibleInstitutions() {
        if (!mayStart()) {
            return List.of();
        }
        return institutions.currentScope().institutions().stream()
                .filter(Campaigns::eligible)
                .sorted(Comparator.comparing(Institution::getCode))
                .toList();
    }

    private static boolean eligible(Institution i) {
        return i.getType().primaryCare() && i.getStatus() == InstitutionStatus.ACTIVE;
    }

    /**
     * Starts a campaign for institutions of the current user's county. Refused unless the user is a
     * SUPERVISOR of a county health bureau and every institution is an active primary-care
     * institution of that county, none inside another, none in another open campaign (the last
     * held by the database, so two starts at once cannot both win).
     */
    /** The first day a campaign's deadline may fall on: today, as the county counts it. */
    public LocalDate earliestDeadline() {
        return ChinaTime.today(clock);
    }

    public Campaign start(StartRequest request) {
        DanganUser user = CurrentUser.require();
        Institution county = institutions.require(user.institutionId());
        if (!mayStart()) {
            throw Refused.forbidden("campaign.startForbidden");
        }
        if (request.institutions() == null || request.institutions().isEmpty()) {
            throw Refused.invalid("campaign.noInstitutions");
        }
        if (request.deadline() == null || request.deadline().isBefore(earliestDeadline())) {
            throw Refused.invalid("campaign.deadlineRequired");
        }
        InstitutionScope scope = institutions.scopeOf(county.getId());
        Set<Institution> chosen = new LinkedHashSet<>();
        for (String ref : request.institutions()) {
            Institution i = resolve(ref, scope);
            if (!i.getType().primaryCare()) {
                throw Refused.invalid("campaign.notPrimaryCare", i.getName(), i.getType());
            }
            if (i.getStatus() != InstitutionStatus.ACTIVE) {
                throw Refused.of("campaign.institutionRetired", i.getName(), i.getStatus());
            }
            chosen.add(i);
        }
        for (Institution a : chosen) {
            for (Institution b : chosen) {
                if (a != b && a.contains(b)) {
                    throw Refused.invalid("campaign.withinAnother", b.getName(), a.getName());
                }
            }
        }
        // refused at the start, not weeks later when the sample is drawn
        if (request.sampleRate() != null
                && (request.sampleRate().signum() < 0 || request.sampleRate().compareTo(BigDecimal.ONE) > 0)) {
            throw Refused.invalid(
                    "campaign.sampleRateRange", request.sampleRate().toPlainString());
        }
        Set<Long> ids = chosen.stream().map(Institution::getId).collect(Collectors.toSet());
        // in one order, so two starts never hold each other's locks; a handover's start takes the same lock
        ids.stream().sorted().forEach(institutions::lockForChange);
        events.publishEvent(new CampaignStarting(ids));
        refuseOpen(chosen);
        long seed = request.seed() != null ? request.seed() : random.nextLong();
        Campaign campaign = repository.save(new Campaign(
                ids,
                county.getId(),
                request.deadline(),
                request.sampleRate() == null ? SampleDraw.DEFAULT_RATE : request.sampleRate(),
                seed,
                user.getUsername(),
                clock.instant()));
        open.claim(campaign.getId(), ids, id -> institutions.require(id).getName());
        Institution city = county.getParentId() == null ? county : institutions.require(county.getParentId());
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                campaign.getId().toString(),
                Variables.createVariables()
                        .putValue("campaignId", campaign.getId())
                        .putValue("county", county.getCode())
                        .putValue("city", city.getCode())
                        .putValue("deadlineAt", deadlineAt(request.deadline())));
        campaign.startedAs(instance.getId());
        auditLog.record(
                AuditAction.CAMPAIGN_STARTED,
                "CAMPAIGN",
                campaign.getId().toString(),
                county.getId(),
                chosen.size() + " institutions, deadline " + request.deadline());
        return campaign;
    }

    /** An institution, or one it lies in or one inside it, already in a campaign that has not ended. */
    private void refuseOpen(Set<Institution> chosen) {
        Set<Long> related = new HashSet<>();
        for (Institution i : chosen) {
            related.addAll(institutions.scopeOf(i.getId()).ids());
            for (Long up = i.getParentId();
                    up != null;
                    up = institutions.require(up).getParentId()) {
                related.add(up);
            }
        }
        // named by the institution that is in it: choosing a township whose clinic is in a campaign
        // must say it is the clinic
        open.of(related).entrySet().stream().min(Map.Entry.comparingByKey()).ifPresent(taken -> {
            throw Refused.of(
                    "campaign.alreadyOpen",
                    taken.getValue().toString(),
                    institutions.require(taken.getKey()).getName());
        });
    }

    /** A completed campaign no longer holds its institutions. */
    void completed(Campaign campaign) {
        open.release(campaign.getId());
    }

    /** The deadline is a day: it passes when that day ends in China, whatever zone the server runs in. */
    private Date deadlineAt(LocalDate deadline) {
        return Date.from(deadline.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
    }

    private Institution resolve(String ref, InstitutionScope scope) {
        String key = ref == null ? "" : ref.strip();
        Institution found = institutions.byCode(key).orElseGet(() -> {
            try {
                return scope.institutions().stream()
                        .filter(i -> i.getId() == Long.parseLong(key))
                        .findFirst()
                        .orElse(null);
            } catch (NumberFormatException e) {
                return null;
            }
        });
        if (found == null || !scope.includes(found.getId())) {
            throw Refused.invalid("campaign.unknownInstitution", key);
        }
        return found;
    }

    /** A campaign the current user may see: one of its institutions or its county lies in the user's scope. */
    @Transactional(readOnly = true)
    public Campaign require(long id) {
        Campaign campaign = repository.findById(id).orElseThrow(() -> new CampaignNotFoundException(id));
        if (!visible(campaign, institutions.currentScope())) {
            throw new CampaignNotFoundException(id);
        }
        return campaign;
    }

    /**
     * Refused unless the campaign's institution that holds {@code institutionId} (itself or one of
     * its clinics) is in its self-check.
     */
    void requireSelfCheck(Campaign campaign, long institutionId) {
        // the self-check is the institution's own work: the county samples it and the city accepts it,
        // neither may change what they are about to judge (waive a finding, record a paper check)
        DanganUser user = CurrentUser.require();
        if (!institutions.keepsRecords(user.institutionId())) {
            throw Refused.forbidden("campaign.selfCheckOwn");
        }
        long part = campaign.getInstitutionIds().stream()
                .filter(i -> institutions.scopeOf(i).includes(institutionId))
                .findFirst()
                .orElseThrow(() -> Refused.notFound("campaign.outside", Long.toString(campaign.getId())));
        campaign.requireSelfCheck(part);
    }

    /**
     * The open campaign an institution is in, if any: other modules ask before they move its
     * records away (a handover), which would change the figures a campaign is checking.
     */
    @Transactional(readOnly = true)
    public Optional<Long> openCampaignOf(long institutionId) {
        return Optional.ofNullable(open.of(List.of(institutionId)).get(institutionId));
    }

    /** For the process and system work: no scope. */
    @Transactional(readOnly = true)
    public Campaign load(long id) {
        return repository.findById(id).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    /** Campaigns the current user may see, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> visibleToCurrentUser() {
        InstitutionScope scope = institutions.currentScope();
        return repository.findAll(Sort.by("id").descending()).stream()
                .filter(c -> visible(c, scope))
                .toList();
    }

    private boolean visible(Campaign campaign, InstitutionScope scope) {
        // a township sees a campaign that covers it; the county and city see theirs
        return (campaign.getCountyId() != null && scope.includes(campaign.getCountyId()))
                || campaign.getInstitutionIds().stream().anyMatch(scope::includes)
                || campaign.getInstitutionIds().stream()
                        .anyMatch(i -> institutions.require(i).contains(scope.root()));
    }
}
