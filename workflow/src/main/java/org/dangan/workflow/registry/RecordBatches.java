package org.dangan.workflow.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.StorageAdministration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's query API for other modules: records and paper files read in sets, by JDBC where a
 * campaign over a million records needs it. Other modules ask here instead of naming
 * {@code health_record}, {@code paper_file} or {@code paper_file_content} in their own SQL, so the
 * registry can change its tables without breaking them. Reads the records of institutions in id
 * order, a batch at a time, for work that must visit every record once and be able to stop and go
 * on (the campaign's rule checks). System work: the caller decides who may start it and applies the
 * user's scope to what it asks for.
 */
@Service
public class RecordBatches {

    private static final String SELECT = """
            select r.id, r.record_number, r.name, r.gender, r.birth_date, r.id_number, r.numbered_by, r.key_populations,
                   r.status, r.last_service_date, r.institution_id
            from health_record r""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final StorageAdministration storage;

    RecordBatches(NamedParameterJdbcTemplate jdbc, Institutions institutions, StorageAdministration storage) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.storage = storage;
    }

    /**
     * Up to {@code limit} records with an id above {@code afterId}, lowest id first. "+ 0" keeps
     * H2 on the primary key, in order, instead of the institution index and a sort of every row.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StoredRecord> after(Collection<Long> institutionIds, long afterId, int limit) {
        return coded(jdbc.query(
                SELECT + " where (r.institution_id + 0) in (:ids) and r.id > :after order by r.id" + " limit :limit",
                new MapSqlParameterSource("ids", institutionIds)
                        .addValue("after", afterId)
                        .addValue("limit", limit),
                RecordBatches::row));
    }

    /** One record by number, for re-checking it after a correction. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<StoredRecord> byNumber(String recordNumber) {
        return coded(jdbc.query(
                        SELECT + " where r.record_number = :number",
                        new MapSqlParameterSource("number", recordNumber),
                        RecordBatches::row))
                .stream()
                .findFirst();
    }

    /**
     * A record as a resident's sign-in needs it: which record, whose it is, its phone on file, its
     * status and key populations (the pilot's scope). Never shown to anyone.
     */
    public record ResidentContact(
            long id,
            String recordNumber,
            long institutionId,
            String phone,
            RecordStatus status,
            Set<KeyPopulation> keyPopulations) {}

    /**
     * The records that carry this ID number (a person registered twice has two), for a resident's
     * sign-in; the number is compared as stored, upper case.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ResidentContact> contactsByIdNumber(String idNumber) {
        return jdbc.query(
                """
                select id, record_number, institution_id, phone, status, key_populations
                from health_record where %s order by id""".formatted(RecordRows.byIdNumber("", "idNumber")),
                new MapSqlParameterSource("idNumber", idNumber),
                (rs, n) -> new ResidentContact(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        RecordStatus.valueOf(rs.getString(5)),
                        KeyPopulation.fromColumn(rs.getString(6))));
    }

    /** A living resident with a phone, as service reminders (issue 19) need them. */
    public record ServiceContact(
            long id, long institutionId, String phone, Set<KeyPopulation> keyPopulations, LocalDate lastServiceDate) {}

    /**
     * The living records of these institutions that have a phone, a thousand at a time in id order,
     * so a county's hundreds of thousands never sit in memory at once.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public void forEachServiceContact(Collection<Long> institutionIds, Consumer<ServiceContact> each) {
        if (institutionIds.isEmpty()) {
            return;
        }
        long after = 0;
        while (true) {
            List<ServiceContact> page = jdbc.query(
                    """
                    select id, institution_id, phone, key_populations, last_service_date from health_record
                    where institution_id in (:institutions) and status in ('ACTIVE', 'RETIRED_PAPER')
                    and phone is not null and phone <> '' and id > :after
                    order by id fetch first 1000 rows only""",
                    new MapSqlParameterSource("institutions", institutionIds).addValue("after", after),
                    (rs, n) -> new ServiceContact(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            KeyPopulation.fromColumn(rs.getString(4)),
                            rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()));
            page.forEach(each);
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** The pages of one type the record's paper files register (DA/T 31 count check); null when none do. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Integer registeredPages(long recordId, DocumentType type) {
        return jdbc.queryForObject(
                """
                select sum(c.pages) from paper_file f join paper_file_content c on c.paper_file_id = f.id
                where f.record_id = :record and c.document_type = :type""", new MapSqlParameterSource("record", recordId).addValue("type", type.name()), Integer.class);
    }

    /** Records by id, for work that starts from something else that points at them (paper files). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, StoredRecord> byIds(Collection<Long> ids) {
        Map<Long, StoredRecord> found = new HashMap<>();
        if (!ids.isEmpty()) {
            coded(jdbc.query(
                            SELECT + " where r.id in (:ids)",
                            new MapSqlParameterSource("ids", ids),
                            RecordBatches::row))
                    .forEach(r -> found.put(r.id(), r));
        }
        return found;
    }

    /**
     * Up to {@code limit} paper files of the institutions' records with an id above {@code afterId},
     * lowest id first; {@code contents} lists document type and pages, sorted, for hashing.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StoredPaperFile> paperFilesAfter(Collection<Long> institutionIds, long afterId, int limit) {
        List<StoredPaperFile> files = jdbc.query(
                """
                select f.id, f.file_number, f.record_id, f.page_count, f.state, f.box_id
                from paper_file f join health_record r on r.id = f.record_id
                where (r.institution_id + 0) in (:ids) and f.id > :after order by f.id limit :limit""",
                new MapSqlParameterSource("ids", institutionIds)
                        .addValue("after", afterId)
                        .addValue("limit", limit),
                (rs, n) -> new StoredPaperFile(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        PaperFileState.valueOf(rs.getString(5)),
                        (Long) rs.getObject(6, Long.class),
                        ""));
        if (files.isEmpty()) {
            return files;
        }
        Map<Long, TreeMap<String, Integer>> contents = new HashMap<>();
        jdbc.query(
                "select paper_file_id, document_type, pages from paper_file_content where paper_file_id in (:ids)",
                new MapSqlParameterSource(
                        "ids", files.stream().map(StoredPaperFile::id).toList()),
                (ResultSet rs) -> {
                    contents.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getString(2), rs.getInt(3));
                });
        return files.stream()
                .map(f -> new StoredPaperFile(
                        f.id(),
                        f.fileNumber(),
                        f.recordId(),
                        f.pageCount(),
                        f.state(),
                        f.boxId(),
                        String.valueOf(contents.getOrDefault(f.id(), new TreeMap<>()))))
                .toList();
    }

    /** A record as read, with the id of the institution that numbered it; the codes come from {@link #coded}. */
    private record Uncoded(StoredRecord record, Long numberedBy) {}

    private static Uncoded row(ResultSet rs, int n) throws SQLException {
        return new Uncoded(
                new StoredRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : Gender.valueOf(rs.getString(4)),
                        date(rs.getDate(5)),
                        rs.getString(6),
                        rs.getLong(11),
                        null,
                        KeyPopulation.fromColumn(rs.getString(8)),
                        RecordStatus.valueOf(rs.getString(9)),
                        date(rs.getDate(10)),
                        null),
                (Long) rs.getObject(7, Long.class));
    }

    /**
     * The records with their institutions' codes, asked of the institution module once per
     * institution of the batch (a batch of a thousand records names a handful).
     */
    private List<StoredRecord> coded(List<Uncoded> rows) {
        Map<Long, String> codes = new HashMap<>();
        Function<Long, String> code =
                id -> codes.computeIfAbsent(id, i -> institutions.require(i).getCode());
        return rows.stream()
                .map(u -> {
                    StoredRecord r = u.record();
                    return new StoredRecord(
                            r.id(),
                            r.recordNumber(),
                            r.name(),
                            r.gender(),
                            r.birthDate(),
                            r.idNumber(),
                            r.institutionId(),
                            code.apply(r.institutionId()),
                            r.keyPopulations(),
                            r.status(),
                            r.lastServiceDate(),
                            u.numberedBy() == null ? null : code.apply(u.numberedBy()));
                })
                .toList();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** A record's figures per institution: how many records it holds, and how many of them have an id up to a bound. */
    public record RecordCount(long institutionId, long records, long upTo) {}

    /**
     * The records of the institutions, counted per institution, with those whose id is at most
     * {@code upToId} (how far a campaign's rule checks, which go in id order, have come).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<RecordCount> counts(Collection<Long> institutionIds, long upToId) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select institution_id, count(*), sum(case when id <= :upTo then 1 else 0 end)
                from health_record where (institution_id + 0) in (:ids) group by institution_id""",
                new MapSqlParameterSource("ids", institutionIds).addValue("upTo", upToId),
                (rs, n) -> new RecordCount(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * The records with an id above {@code afterId}, counted per institution: those added since a
     * count up to that id. A range of the primary key, so it costs what was added, not the register.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, Long> countsAfter(Collection<Long> institutionIds, long afterId) {
        Map<Long, Long> counts = new HashMap<>();
        if (institutionIds.isEmpty()) {
            return counts;
        }
        jdbc.query("""
                select institution_id, count(*) from health_record where id > :after
                and (institution_id + 0) in (:ids) group by institution_id""", new MapSqlParameterSource("ids", institutionIds).addValue("after", afterId), (ResultSet rs) -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    /** The highest record id there is (0 for none): where a count of every record so far ends. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long lastId() {
        Long last = jdbc.queryForObject("select max(id) from health_record", Map.of(), Long.class);
        return last == null ? 0 : last;
    }

    /** A record's id, number and key populations: what a sample is drawn from. */
    public record TaggedRecord(long id, String recordNumber, Set<KeyPopulation> keyPopulations) {}

    /** Every record of the institutions with its key populations (a sample's population), in no set order. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<TaggedRecord> tagged(Collection<Long> institutionIds) {
        return jdbc.query(
                "select id, record_number, key_populations from health_record where (institution_id + 0) in (:ids)",
                new MapSqlParameterSource("ids", institutionIds),
                (rs, n) -> new TaggedRecord(rs.getLong(1), rs.getString(2), KeyPopulation.fromColumn(rs.getString(3))));
    }

    /** Record id to the resident's name, for records found; the caller audits what it shows. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, String> names(Collection<Long> recordIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = List.copyOf(new HashSet<>(recordIds));
        // PostgreSQL takes at most 32,767 parameters in one statement
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.query(
                    "select id, name from health_record where id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))),
                    (ResultSet rs) -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /**
     * Whether another open record (ACTIVE or RETIRED_PAPER) looks like the same person as this one:
     * the same ID number, or the same name and birth date in the same village (the first 12
     * characters of the record number). The duplicate rules hold until such records are merged.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean hasOpenLookalike(StoredRecord r) {
        // two counts, not one with OR: each half has its own index to read
        Integer others = jdbc.queryForObject(
                """
                select (select count(*) from health_record o
                        where %s and o.id <> :id and o.status in ('ACTIVE', 'RETIRED_PAPER'))
                     + (select count(*) from health_record o
                        where o.name = :name and o.birth_date = :birth
                          and substring(o.record_number from 1 for 12) = :village
                          and o.id <> :id and o.status in ('ACTIVE', 'RETIRED_PAPER'))""".formatted(RecordRows.byIdNumber("o", "idNumber")),
                new MapSqlParameterSource("id", r.id())
                        .addValue("idNumber", r.idNumber())
                        .addValue("name", r.name())
                        .addValue("birth", r.birthDate() == null ? null : Date.valueOf(r.birthDate()))
                        .addValue(
                                "village",
                                r.recordNumber()
                                        .substring(
                                                0, Math.min(12, r.recordNumber().length()))),
                Integer.class);
        return others != null && others > 0;
    }

    /** A paper file by number: its id, its record and the institution that record belongs to. */
    public record PaperFileRef(long id, String fileNumber, long recordId, long institutionId) {}

    /** The paper file of this number, with its record's institution; empty when there is none. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<PaperFileRef> paperFile(String fileNumber) {
        return jdbc
                .query(
                        """
                select f.id, f.file_number, f.record_id, r.institution_id
                from paper_file f join health_record r on r.id = f.record_id where f.file_number = :number""",
                        new MapSqlParameterSource("number", fileNumber),
                        (rs, n) -> new PaperFileRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .stream()
                .findFirst();
    }

    /** Of the given paper files, those whose records belong to the institutions. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<String> paperFilesOf(Collection<Long> institutionIds, Collection<String> fileNumbers) {
        if (institutionIds.isEmpty() || fileNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                """
                select f.file_number from paper_file f join health_record r on r.id = f.record_id
                where f.file_number in (:files) and r.institution_id in (:ids)""", new MapSqlParameterSource("files", fileNumbers).addValue("ids", institutionIds), String.class));
    }

    /** File number to its registered page count, for the files found. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Integer> pageCounts(Collection<String> fileNumbers) {
        Map<String, Integer> pages = new HashMap<>();
        if (!fileNumbers.isEmpty()) {
            jdbc.query(
                    "select file_number, page_count from paper_file where file_number in (:files)",
                    new MapSqlParameterSource("files", fileNumbers),
                    (ResultSet rs) -> {
                        pages.put(rs.getString(1), rs.getInt(2));
                    });
        }
        return pages;
    }

    /** How many of the record's paper files are out on a check-out. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int checkedOutFiles(long recordId) {
        Integer out = jdbc.queryForObject(
                "select count(*) from paper_file where record_id = :record and state = 'CHECKED_OUT'",
                new MapSqlParameterSource("record", recordId),
                Integer.class);
        return out == null ? 0 : out;
    }

    /** How many paper files of the institution's records are out on a check-out. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int checkedOutFilesOfInstitution(long institutionId) {
        Integer out = jdbc.queryForObject(
                "select count(*) from paper_file f join health_record r on r.id = f.record_id"
                        + " where r.institution_id = :from and f.state = 'CHECKED_OUT'",
                new MapSqlParameterSource("from", institutionId),
                Integer.class);
        return out == null ? 0 : out;
    }

    /**
     * A paper file's state and the institution that keeps it: the one whose box holds it (null while
     * it is in no box). What a check-out request asks of each file it names.
     */
    public record KeptPaperFile(PaperFileState state, Long keeperId) {}

    /** The paper file of this number as its keeper sees it; empty when there is none. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<KeptPaperFile> kept(String fileNumber) {
        // the box, and so its keeper, is storage's to say
        return jdbc
                .query(
                        """
                select f.state, f.box_id from paper_file f where f.file_number = :file""",
                        new MapSqlParameterSource("file", fileNumber),
                        (rs, n) -> new KeptPaperFile(
                                PaperFileState.valueOf(rs.getString(1)),
                                rs.getObject(2) == null
                                        ? null
                                        : storage.box(rs.getLong(2))
                                                .map(Box::getInstitutionId)
                                                .orElse(null)))
                .stream()
                .findFirst();
    }

    /**
     * What a paper file's retention is computed from: its state, its record's status, last service
     * and date of death, the institution, and the document types it holds (as the database lists
     * them, without repeats; none when no contents are registered).
     */
    public record RetentionFacts(
            String fileNumber,
            PaperFileState state,
            RecordStatus recordStatus,
            LocalDate lastServiceDate,
            LocalDate deceasedOn,
            long institutionId,
            List<String> documentTypes) {}

    /** The retention facts of one paper file, whichever institution keeps it; empty when there is none. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<RetentionFacts> retentionFacts(String fileNumber) {
        return retentionFacts("f.file_number = :file", new MapSqlParameterSource("file", fileNumber));
    }

    /** The retention facts of the institutions' paper files that are kept here (stored or retired), by file number. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<RetentionFacts> keptRetentionFacts(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return retentionFacts(
                "r.institution_id in (:ids) and f.state in ('STORED', 'RETIRED_PAPER')",
                new MapSqlParameterSource("ids", institutionIds));
    }

    private List<RetentionFacts> retentionFacts(String where, MapSqlParameterSource parameters) {
        record Row(
                String file,
                String state,
                String recordStatus,
                LocalDate lastService,
                String type,
                long institution,
                LocalDate deceasedOn) {}
        List<Row> rows = jdbc.query(
                """
                select f.file_number, f.state, r.status, r.last_service_date, c.document_type, r.institution_id,
                r.deceased_on
                from paper_file f join health_record r on r.id = f.record_id
                left join paper_file_content c on c.paper_file_id = f.id
                where""" + " " + where + " order by f.file_number",
                parameters,
                (rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        date(rs.getDate(4)),
                        rs.getString(5),
                        rs.getLong(6),
                        date(rs.getDate(7))));
        Map<String, List<Row>> byFile = new LinkedHashMap<>();
        rows.forEach(
                r -> byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        return byFile.values().stream()
                .map(file -> {
                    Row first = file.get(0);
                    return new RetentionFacts(
                            first.file(),
                            PaperFileState.valueOf(first.state()),
                            RecordStatus.valueOf(first.recordStatus()),
                            first.lastService(),
                            first.deceasedOn(),
                            first.institution(),
                            file.stream()
                                    .map(Row::type)
                                    .filter(Objects::nonNull)
                                    .distinct()
                                    .toList());
                })
                .toList();
    }

    /** The numbers of the institution's records, in order: what a handover's inventory lists. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> recordNumbers(long institutionId) {
        return jdbc.queryForList(
                "select record_number from health_record where institution_id = :institution"
                        + " order by record_number",
                new MapSqlParameterSource("institution", institutionId),
                String.class);
    }

    /** How many records the institution holds. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int recordCount(long institutionId) {
        Integer records = jdbc.queryForObject(
                "select count(*) from health_record where institution_id = :institution",
                new MapSqlParameterSource("institution", institutionId),
                Integer.class);
        return records == null ? 0 : records;
    }

    /** A paper file of an institution's records as a handover's inventory lists it; {@code boxId} null when in no box. */
    public record InventoryFile(
            String fileNumber, String recordNumber, int pageCount, PaperFileState state, Long boxId) {}

    /** The paper files of the institution's records that are not disposed of, by file number. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<InventoryFile> undisposedPaperFiles(long institutionId) {
        return jdbc.query(
                """
                select f.file_number, r.record_number, f.page_count, f.state, f.box_id from paper_file f
                join health_record r on r.id = f.record_id
                where r.institution_id = :institution and f.state <> 'DISPOSED' order by f.file_number""",
                new MapSqlParameterSource("institution", institutionId),
                (rs, n) -> new InventoryFile(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        PaperFileState.valueOf(rs.getString(4)),
                        rs.getObject(5) == null ? null : rs.getLong(5)));
    }

    /**
     * The institution's records as stored, column by column, by record number: what an archive bag
     * carries to the receiving institution (whole ID numbers and tags included; the caller checks who
     * may take it).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Map<String, Object>> recordRows(long institutionId) {
        return jdbc.queryForList("""
                select record_number, name, gender, birth_date, id_number, phone, address, key_populations, status,
                last_service_date, deceased_on from health_record where institution_id = :institution
                order by record_number""", new MapSqlParameterSource("institution", institutionId));
    }

    /** The institution's paper files as an archive bag carries them, each with its record's number and its box's barcode. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Map<String, Object>> paperFileRows(long institutionId) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("""
                select f.file_number, r.record_number, f.page_count, f.state, f.box_id box from paper_file f
                join health_record r on r.id = f.record_id
                where r.institution_id = :institution order by f.file_number""", new MapSqlParameterSource("institution", institutionId));
        // the barcodes are storage's: one read of those boxes, not one per file
        Map<Long, String> barcodes = storage.barcodes(rows.stream()
                .map(row -> row.get("box"))
                .filter(Objects::nonNull)
                .map(box -> ((Number) box).longValue())
                .toList());
        for (Map<String, Object> row : rows) {
            Object box = row.get("box");
            row.put("box", box == null ? null : barcodes.get(((Number) box).longValue()));
        }
        return rows;
    }

    /**
     * Holds the record's row until the caller's transaction ends: work about one record that counts
     * before it writes (a resident's requests) takes its turn, across nodes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForUpdate(long recordId) {
        jdbc.query(
                "select id from health_record where id = :id for update",
                new MapSqlParameterSource("id", recordId),
                (rs, n) -> rs.getLong(1));
    }
}
