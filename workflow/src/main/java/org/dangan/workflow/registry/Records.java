package org.dangan.workflow.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditHash;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyEntry;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.StorageAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the registry. Every query carries the reader's institution scope in its WHERE clause,
 * and every read of personal data leaves an audit entry.
 */
@Service
@Transactional
public class Records {

    public static final int MAX_PAGE_SIZE = 500;

    static final int MAX_QUERY_LENGTH = 64;

    /** Who reads records: those who keep them; searchers find documents and auditors read the audit log instead. */
    private static final Role[] RECORD_READERS = {Role.ARCHIVIST, Role.SUPERVISOR, Role.ADMIN};

    private final NamedParameterJdbcTemplate jdbc;
    private final HealthRecordRepository records;
    private final PaperFileRepository paperFiles;
    private final StorageAdministration storage;
    private final Institutions institutions;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final CustodyLedger ledger;
    private final Clock clock;
    private final AuditHash auditHash;
    private final RecordRows recordRows;

    Records(
            NamedParameterJdbcTemplate jdbc,
            HealthRecordRepository records,
            PaperFileRepository paperFiles,
            StorageAdministration storage,
            Institutions institutions,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            CustodyLedger ledger,
            Clock clock,
            AuditHash auditHash,
            RecordRows recordRows) {
        this.auditHash = auditHash;
        this.recordRows = recordRows;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.records = records;
        this.paperFiles = paperFiles;
        this.storage = storage;
        this.institutions = institutions;
        this.auditLog = auditLog;
    }

    /** One page and the size of the whole list, as the REST API answers. */
    public Page<RecordSummary> list(RecordQuery query, int page, int size) {
        RoleCheck.require(RECORD_READERS);
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        Scoped scoped = scoped(query);
        if (scoped == null) {
            return new Page<>(0, List.of());
        }
        return new Page<>(count(scoped), fetch(scoped, (long) Math.max(page, 0) * pageSize, pageSize));
    }

    /** Rows {@code offset} to {@code offset + limit}, for screens that scroll without a page number. */
    public List<RecordSummary> fetch(RecordQuery query, long offset, int limit) {
        RoleCheck.require(RECORD_READERS);
        Scoped scoped = scoped(query);
        return scoped == null
                ? List.of()
                : fetch(scoped, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    /**
     * The count, but no further than {@code limit}: an exact count reads every matching row, which
     * at a million records takes seconds; a screen only needs to say "more than 10,000".
     */
    public long countUpTo(RecordQuery query, int limit) {
        RoleCheck.require(RECORD_READERS);
        Scoped scoped = scoped(query);
        if (scoped == null) {
            return 0;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("cap", limit);
        return jdbc.queryForObject(
                "select count(*) from (select 1 from " + from(scoped, params, true) + " limit :cap) capped",
                params,
                Long.class);
    }

    /**
     * A query inside the reader's scope. {@code numberPrefix} is the code of the subtree's root when
     * that root is a county or below: every record number there starts with it (the registry
     * refuses any other), so the record-number index finds the subtree's rows in order.
     */
    private record Scoped(RecordQuery query, InstitutionScope scope, Set<Long> ids, String numberPrefix) {}

    /**
     * The key populations the current user may filter by and see: without RESTRICTED_DOCUMENTS the
     * restricted ones are not there at all, so that neither a list nor a drop-down reveals them.
     */
    public List<KeyPopulation> keyPopulationsShown() {
        DanganUser reader = CurrentUser.require();
        return Arrays.stream(KeyPopulation.values())
                .filter(p -> mayKnow(reader, p))
                .toList();
    }

    private static boolean mayKnow(DanganUser reader, KeyPopulation tag) {
        return !tag.restricted() || reader.has(Permission.RESTRICTED_DOCUMENTS);
    }

    private static Set<KeyPopulation> shown(Set<KeyPopulation> tags, DanganUser reader) {
        return tags.stream()
                .filter(t -> mayKnow(reader, t))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyPopulation.class)));
    }

    /**
     * Refuses what the reader may not ask: a whole ID number as the search text without
     * FULL_ID_NUMBER (an answer, even "none", would confirm a guessed number), a restricted tag as
     * the filter without RESTRICTED_DOCUMENTS (an empty answer would hide that it is refused, not
     * that nobody has the tag). A refused ID-number probe is audited on its own, as the keyed hash.
     */
    private void allowed(RecordQuery query, DanganUser reader) {
        if (query.searchesByIdNumber() && !reader.has(Permission.FULL_ID_NUMBER)) {
            auditLog.recordApart(
                    AuditAction.RECORD_LIST,
                    "RECORD",
                    null,
                    reader.institutionId(),
                    "refused q=id-number " + auditHash.ofIdNumber(query.q()));
            throw Refused.forbidden("records.search.idNumber.forbidden", Permission.FULL_ID_NUMBER);
        }
        if (query.keyPopulation() != null && !mayKnow(reader, query.keyPopulation())) {
            throw Refused.forbidden("records.filter.restricted.forbidden", Permission.RESTRICTED_DOCUMENTS);
        }
    }

    /** The query within the reader's scope, or null when the scope leaves nothing to see. */
    private Scoped scoped(RecordQuery query) {
        // a name, a number or an ID number is short; a megabyte of text is not a search
        if (query.q() != null && query.q().length() > MAX_QUERY_LENGTH) {
            throw Refused.invalid("records.search.tooLong", MAX_QUERY_LENGTH);
        }
        allowed(query, CurrentUser.require());
        InstitutionScope scope = institutions.currentScope();
        Set<Long> ids = scope.ids();
        Institution root = scope.root();
        if (query.institution() != null && !query.institution().isBlank()) {
            root = institutions.byCode(query.institution().strip()).orElse(null);
            ids = root == null ? Set.of() : scope.narrowTo(root);
        }
        if (ids.isEmpty()) {
            return null;
        }
        boolean countyOrBelow = root.getType() == InstitutionType.COUNTY_BUREAU
                || root.getType().primaryCare();
        // records handed over keep their numbers: the prefix no longer finds them all
        Set<Long> within = ids;
        boolean numberedHere = scope.institutions().stream()
                .filter(i -> within.contains(i.getId()))
                .noneMatch(Institution::hasReceivedRecords);
        return new Scoped(query, scope, ids, countyOrBelow && numberedHere ? root.getCode() : null);
    }

    private long count(Scoped scoped) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject("select count(*) from " + from(scoped, params, true), params, Long.class);
    }

    private List<RecordSummary> fetch(Scoped scoped, long offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = from(scoped, params, false);
        params.addValue("limit", limit).addValue("offset", offset);
        DanganUser reader = CurrentUser.require();
        Map<Long, Institution> byId = scoped.scope().institutions().stream()
                .collect(Collectors.toMap(Institution::getId, Function.identity()));
        List<RecordSummary> items =
                jdbc.query("""
                select r.record_number, r.name, r.gender, r.birth_date, r.id_number, r.status, r.institution_id,
                       r.key_populations, r.last_service_date
                from %s
                order by %s limit :limit offset :offset""".formatted(from, orderOf(scoped.query())), params, (rs, n) -> summary(rs, byId, reader));
        String idHash = scoped.query().searchesByIdNumber()
                ? " " + auditHash.ofIdNumber(scoped.query().q())
                : "";
        auditLog.record(
                AuditAction.RECORD_LIST,
                "RECORD",
                null,
                scoped.scope().root().getId(),
                (scoped.query().describe() + idHash + " offset=" + offset + " rows=" + items.size()).strip());
        return items;
    }

    public RecordDetail read(String recordNumber) {
        RoleCheck.require(RECORD_READERS);
        HealthRecord record = inScope(recordNumber);
        DanganUser reader = CurrentUser.require();
        RecordDetail detail = detailOf(record, reader.has(Permission.RESTRICTED_DOCUMENTS));
        auditLog.record(AuditAction.RECORD_READ, "RECORD", record.getRecordNumber(), record.getInstitutionId(), null);
        return detail;
    }

    /**
     * A record as its own resident sees it, without restricted tags or contents: the resident
     * module has proved who the resident is and audits the read itself, as the resident's.
     */
    @Transactional(readOnly = true)
    public RecordDetail ofResident(long recordId) {
        return detailOf(
                records.findById(recordId).orElseThrow(() -> new RecordNotFoundException("#" + recordId)), false);
    }

    /**
     * A change the record's resident confirmed (a new phone number, by a code sent to it), after an
     * archivist entered it: audited as the resident's, with the names of the fields only.
     */
    public List<String> correctConfirmedByResident(long recordId, RecordCorrection correction, String residentName) {
        HealthRecord record = records.findById(recordId).orElseThrow(() -> new RecordNotFoundException("#" + recordId));
        // a resident confirms contact details only, whatever else the correction carries
        return applied(
                record,
                new RecordCorrection(null, null, null, null, correction.phone(), correction.address(), null, null),
                residentName);
    }

    private RecordDetail detailOf(HealthRecord record, boolean restrictedShown) {
        Institution institution = institutions.require(record.getInstitutionId());
        List<RecordDetail.PaperFileView> files = new ArrayList<>();
        for (PaperFile f : paperFiles.findByRecordIdOrderByFileNumber(record.getId())) {
            Box box = f.getBoxId() == null ? null : storage.box(f.getBoxId()).orElse(null);
            // the contents by type are shown only to who may see restricted content: hiding the restricted
            // type alone would leave the whole page count minus the shown pages telling it, and the count
            // of the paper itself is shown everywhere (lists, checks, labels) as the sheets in the file are
            Map<DocumentType, Integer> contents = restrictedShown ? f.getContents() : Map.of();
            files.add(new RecordDetail.PaperFileView(
                    f.getFileNumber(),
                    f.getPageCount(),
                    contents,
                    f.getState(),
                    box == null ? null : box.getBarcode().value(),
                    box == null ? null : storage.placeOf(box.getLocationId()),
                    box == null ? null : (int) paperFiles.placeInBox(box.getId(), f.getFileNumber())));
        }
        Set<KeyPopulation> tags = EnumSet.noneOf(KeyPopulation.class);
        record.getKeyPopulations().stream()
                .filter(p -> restrictedShown || !p.restricted())
                .forEach(tags::add);
        return new RecordDetail(
                record.getRecordNumber(),
                record.getName(),
                record.getGender(),
                record.getBirthDate(),
                record.getMaskedIdNumber(),
                record.getPhone(),
                record.getAddress(),
                tags,
                record.getStatus(),
                institution.getCode(),
                institution.getName(),
                record.getLastServiceDate(),
                record.getDeceasedOn(),
                record.getDuplicateOf() == null
                        ? null
                        : records.findById(record.getDuplicateOf())
                                .map(HealthRecord::getRecordNumber)
                                .orElse(null),
                files);
    }

    /**
     * Corrects a record of the archivist's institutions in place, audited with the names of the
     * changed fields (never their values).
     */
    public List<String> correct(String recordNumber, RecordCorrection correction) {
        if (!CurrentUser.require().is(Role.ARCHIVIST)) {
            throw Refused.forbidden("record.archivistOnly");
        }
        HealthRecord record = inScope(recordNumber);
        return applied(
                record,
                keepingRestrictedTags(correction, record, CurrentUser.require()),
                CurrentUser.require().getUsername());
    }

    /** Changes the record, audited (by {@code actor}) with the names of the changed fields, never their values. */
    private List<String> applied(HealthRecord record, RecordCorrection correction, String actor) {
        List<String> changed = record.correct(correction);
        if (changed.contains("idNumber")) {
            recordRows.indexIdNumber(record.getId(), record.getIdNumber());
        }
        if (!changed.isEmpty()) {
            auditLog.recordAs(
                    actor,
                    AuditAction.RECORD_CHANGED,
                    "RECORD",
                    record.getRecordNumber(),
                    record.getInstitutionId(),
                    "fields: " + String.join(", ", changed));
            events.publishEvent(new RecordCorrected(record.getId(), List.copyOf(changed)));
        }
        return changed;
    }

    /**
     * A reader who cannot see a restricted tag got the record without it: the tags they send back
     * must neither drop it nor add it. A merge takes the duplicate's tags by the same rule.
     */
    static RecordCorrection keepingRestrictedTags(RecordCorrection c, HealthRecord record, DanganUser reader) {
        if (c.keyPopulations() == null || reader.has(Permission.RESTRICTED_DOCUMENTS)) {
            return c;
        }
        Set<KeyPopulation> tags = shown(c.keyPopulations(), reader);
        record.getKeyPopulations().stream().filter(KeyPopulation::restricted).forEach(tags::add);
        return new RecordCorrection(
                c.name(), c.gender(), c.birthDate(), c.idNumber(), c.phone(), c.address(), tags, c.lastServiceDate());
    }

    /** Records the resident's death on a record of the archivist's institutions (a death certificate, civil registration). */
    public void recordDeath(String recordNumber, LocalDate on) {
        if (!CurrentUser.require().is(Role.ARCHIVIST)) {
            throw Refused.forbidden("record.archivistOnly");
        }
        HealthRecord record = inScope(recordNumber);
        record.recordDeath(on, LocalDate.now(clock));
        auditLog.record(
                AuditAction.RECORD_CHANGED,
                "RECORD",
                record.getRecordNumber(),
                record.getInstitutionId(),
                "fields: deceasedOn, status");
    }

    /** The whole ID number, for users granted to see it; every reveal is audited. */
    public String revealIdNumber(String recordNumber) {
        if (!CurrentUser.require().has(Permission.FULL_ID_NUMBER)) {
            throw Refused.forbidden("records.search.idNumber.forbidden", Permission.FULL_ID_NUMBER);
        }
        HealthRecord record = inScope(recordNumber);
        auditLog.record(
                AuditAction.RECORD_ID_REVEALED, "RECORD", record.getRecordNumber(), record.getInstitutionId(), null);
        return record.getIdNumber();
    }

    /** A resident as pickers and lists name them: the record number and the name beside it. */
    public record Resident(String recordNumber, String name) {}

    /**
     * Residents of the reader's institutions whose name or record number matches {@code text}, for a
     * picker that fetches as the user types: at most {@code limit} (50 at most) from {@code offset};
     * a read of names, so it is scoped and audited as the record list is.
     */
    public List<Resident> residents(String text, long offset, int limit) {
        return fetch(
                        new RecordQuery(text == null ? null : text.strip(), null, null, null),
                        offset,
                        Math.min(Math.max(limit, 1), 50))
                .stream()
                .map(r -> new Resident(r.recordNumber(), r.name()))
                .toList();
    }

    /**
     * The names of the given records that are in the reader's institutions, for screens that show
     * a resident beside a number (scans, hits); searchers too, who find the documents of these
     * residents. At most 500 numbers; audited as a list of records.
     */
    @Transactional(readOnly = false)
    public Map<String, String> namesOf(Collection<String> recordNumbers) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR, Role.ADMIN, Role.SEARCHER);
        Set<Long> ids = institutions.currentScope().ids();
        List<String> numbers = recordNumbers.stream()
                .filter(Objects::nonNull)
                .distinct()
                .limit(500)
                .toList();
        if (numbers.isEmpty() || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                "select record_number, name from health_record where record_number in (:numbers)"
                        + " and institution_id in (:ids)",
                new MapSqlParameterSource("numbers", numbers).addValue("ids", ids),
                (ResultSet rs) -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        auditLog.record(
                AuditAction.RECORD_LIST,
                "RECORD",
                null,
                institutions.currentScope().root().getId(),
                "names rows=" + names.size());
        return names;
    }

    /** Who did what with this record, newest first. */
    public List<AuditEntry> trail(String recordNumber) {
        RoleCheck.require(RECORD_READERS);
        HealthRecord record = inScope(recordNumber);
        return auditLog.trailOf("RECORD", record.getRecordNumber(), 200);
    }

    /**
     * The custody events of a paper file of the user's institutions, oldest first, and where the
     * ledger says it is now; audited as a read of the record.
     */
    public Custody custodyOf(String fileNumber) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR, Role.AUDITOR);
        PaperFile file = paperFiles
                .findByFileNumber(fileNumber == null ? "" : fileNumber.strip())
                .orElseThrow(() -> new RecordNotFoundException(fileNumber));
        HealthRecord record = records.findById(file.getRecordId()).orElseThrow();
        if (!institutions.currentScope().includes(record.getInstitutionId())) {
            throw new RecordNotFoundException(fileNumber);
        }
        auditLog.record(AuditAction.CUSTODY_READ, "PAPER_FILE", file.getFileNumber(), record.getInstitutionId(), null);
        var type = CustodySubject.PAPER_FILE;
        Box box = file.getBoxId() == null ? null : storage.box(file.getBoxId()).orElse(null);
        return new Custody(
                file.getFileNumber(),
                ledger.currentPlace(type, file.getFileNumber()).orElse(null),
                box == null ? null : storage.placeOf(box.getLocationId()),
                ledger.entriesOf(type, file.getFileNumber()));
    }

    /**
     * A paper file's ledger; {@code boxPlace} is where its box stands (site / room / shelf) when it
     * is in one, as the ledger names the file's place by the box alone.
     */
    public record Custody(String fileNumber, String currentPlace, String boxPlace, List<CustodyEntry> events) {}

    private HealthRecord inScope(String recordNumber) {
        String number = recordNumber == null ? "" : recordNumber.strip();
        HealthRecord record = records.findByRecordNumber(number).orElseThrow(() -> new RecordNotFoundException(number));
        if (!institutions.currentScope().includes(record.getInstitutionId())) {
            throw new RecordNotFoundException(number);
        }
        return record;
    }

    /** A name search lists by name, so the (name, record number) index answers it in order. */
    private static String orderOf(RecordQuery query) {
        return query.searchesByName() ? "r.name, r.record_number" : "r.record_number";
    }

    /**
     * The tables and conditions of a list query. Which index answers best differs: rows in order
     * come from the record-number index (or the name index for a name); a count without a text
     * filter is fastest on the institution index, which H2 counts without reading rows. A key
     * population is a join with its rows, whose index (key_population, record_number) holds
     * exactly the tagged records of a township's number range.
     */
    private String from(Scoped scoped, MapSqlParameterSource params, boolean forCount) {
        RecordQuery query = scoped.query();
        params.addValue("ids", scoped.ids());
        StringBuilder where = new StringBuilder();
        if (query.keyPopulation() != null) {
            // a join, not EXISTS: H2 runs EXISTS once per record of the scope; one row per tag and
            // record (the primary key), so no record comes twice
            where.append("health_record r join health_record_key_population t on t.record_number = r.record_number"
                    + " and t.key_population = :tag where ");
            params.addValue("tag", query.keyPopulation().name());
            if (scoped.numberPrefix() != null) {
                // the same range as the scope's, on the tag rows, so that the planners start there
                where.append("t.record_number >= :scopeFrom and t.record_number < :scopeTo and ");
                params.addValue("scopeFrom", scoped.numberPrefix())
                        .addValue("scopeTo", upperBound(scoped.numberPrefix()));
            }
        } else {
            where.append("health_record r where ");
        }
        // with a key population it is the other way round (EXPLAIN, a township of 100,000 in 1M):
        // the count starts from the tag rows of the number range and joins ix_record_number_scope,
        // reading no record rows, while a page comes from the institution index in record-number
        // order merged with the tag rows (PostgreSQL 1.4 ms, where the range sorted the township)
        boolean byInstitution = !query.hasTextFilter() && (query.keyPopulation() == null ? forCount : !forCount);
        if (scoped.numberPrefix() != null && !byInstitution) {
            // "+ 0" keeps the planner off the institution index: with the whole scope in the IN
            // list it matches every row, and H2 then read all of them (13 s for a name at 1M rows).
            // PostgreSQL cannot estimate "+ 0" and takes it for 0.5% of the rows: for the tag count
            // it then hashes both tables (685 ms for a county at 1M rows, 16 ms merging the indexes)
            boolean plainInstitution = query.keyPopulation() != null && recordRows.onPostgres();
            where.append("r.record_number >= :scopeFrom and r.record_number < :scopeTo and ")
                    .append(plainInstitution ? "r.institution_id in (:ids)" : "(r.institution_id + 0) in (:ids)");
            params.addValue("scopeFrom", scoped.numberPrefix()).addValue("scopeTo", upperBound(scoped.numberPrefix()));
        } else {
            where.append("r.institution_id in (:ids)");
        }
        String q = query.q() == null ? "" : query.q().strip();
        if (q.matches("\\d{1,17}")) {
            where.append(" and r.record_number >= :numberFrom and r.record_number < :numberTo");
            params.addValue("numberFrom", q).addValue("numberTo", upperBound(q));
        } else if (query.searchesByIdNumber()) {
            where.append(" and ").append(RecordRows.byIdNumber("r", "idNumber"));
            params.addValue("idNumber", q.toUpperCase(Locale.ROOT));
        } else if (query.searchesByName()) {
            where.append(" and r.name >= :nameFrom and r.name < :nameTo");
            params.addValue("nameFrom", q).addValue("nameTo", upperBound(q));
        }
        if (query.status() != null) {
            where.append(" and r.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.notServedSince() != null) {
            where.append(" and (r.last_service_date is null or r.last_service_date < :servedSince)");
            params.addValue("servedSince", query.notServedSince());
            if (query.status() == null) {
                where.append(" and r.status in ('ACTIVE', 'RETIRED_PAPER')");
            }
        }
        return where.toString();
    }

    /**
     * The first string after every string that starts with {@code prefix}. Prefixes are ranges
     * rather than LIKE patterns because PostgreSQL's cached plan for a parameterised LIKE cannot
     * use an index (388 ms instead of 0.1 ms per page at 1M rows).
     */
    static String upperBound(String prefix) {
        return prefix + Character.MAX_VALUE;
    }

    private static RecordSummary summary(ResultSet rs, Map<Long, Institution> byId, DanganUser reader)
            throws SQLException {
        Institution institution = byId.get(rs.getLong("institution_id"));
        String gender = rs.getString("gender");
        return new RecordSummary(
                rs.getString("record_number"),
                rs.getString("name"),
                gender == null ? null : Gender.valueOf(gender),
                date(rs, "birth_date"),
                ResidentId.mask(rs.getString("id_number")),
                RecordStatus.valueOf(rs.getString("status")),
                institution == null ? null : institution.getCode(),
                institution == null ? null : institution.getName(),
                shown(KeyPopulation.fromColumn(rs.getString("key_populations")), reader),
                date(rs, "last_service_date"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
