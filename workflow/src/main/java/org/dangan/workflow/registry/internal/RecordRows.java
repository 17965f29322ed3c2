package org.dangan.workflow.registry.internal;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of new {@code health_record} rows (and their paper files) in bulk: the county
 * import and records received in a handover bag. JDBC batches in the caller's transaction, as the
 * import takes a million rows (see ImportBenchmark); a single record a person registers goes
 * through the {@code HealthRecord} aggregate instead. Callers have checked every value.
 * Internal to the registry module (not a named interface): other modules register records through
 * the registry's services.
 */
@Component
public class RecordRows {

    /** A checked record: {@code numberedBy} is the institution whose code the number carries, when another manages it. */
    public record Row(
            String recordNumber,
            String name,
            Gender gender,
            LocalDate birthDate,
            String idNumber,
            String phone,
            String address,
            Set<KeyPopulation> keyPopulations,
            RecordStatus status,
            long institutionId,
            LocalDate lastServiceDate,
            LocalDate deceasedOn,
            Long numberedBy) {}

    /**
     * A paper file of a record written in the same batch, found by the record's number; its box when
     * it is shelved, and the pages of each kind it holds when they are known.
     */
    public record PaperFileRow(
            String fileNumber,
            String recordNumber,
            int pageCount,
            PaperFileState state,
            Long boxId,
            Map<DocumentType, Integer> contents) {

        public PaperFileRow(String fileNumber, String recordNumber, int pageCount, PaperFileState state) {
            this(fileNumber, recordNumber, pageCount, state, null, Map.of());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private volatile Boolean postgres;

    RecordRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the registry lives in PostgreSQL, whose planner needs some queries put differently than H2's. */
    public boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            String database = jdbc.getJdbcTemplate()
                    .execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = database != null && database.toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    /**
     * Fresh statistics and a visibility map for the tables a bulk write filled, on PostgreSQL: its
     * autovacuum notices a million new rows only a minute or more later, and the plans made until
     * then read whole tables (the first page of the record list took 0.7 s, a key-population count
     * 0.3 s after an import of 1,000,000 records; issue 21). The vacuum marks the new pages all
     * visible, without which the key-population count cannot answer from its two indexes alone
     * (0.5 s instead of 16 ms for a township; about a second's vacuum per million records). H2
     * analyses a table itself after 2,000 changed rows.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void vacuumAfterBulkWrite() {
        if (onPostgres()) {
            // outside any transaction, as VACUUM must be: NOT_SUPPORTED gives an auto-commit connection
            jdbc.getJdbcTemplate()
                    .execute("vacuum (analyze) health_record, health_record_key_population, record_id_number,"
                            + " paper_file, paper_file_content");
        }
    }

    /**
     * Inserts the records in one batch, with their key populations as the rows the list filter reads
     * and their ID numbers as the rows a lookup by ID number reads.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(List<Row> rows) {
        write(rows);
        List<String> numbers = rows.stream()
                .filter(r -> r.idNumber() != null)
                .map(Row::recordNumber)
                .toList();
        // a thousand at a time: PostgreSQL takes at most 32,767 parameters in one statement
        for (int from = 0; from < numbers.size(); from += 1000) {
            jdbc.update(
                    """
                    insert into record_id_number (id_number, record_id)
                    select id_number, id from health_record where record_number in (:numbers) and id_number is not null""",
                    new MapSqlParameterSource("numbers", numbers.subList(from, Math.min(numbers.size(), from + 1000))));
        }
    }

    /**
     * Starts a bulk write, such as an import of a whole county, whose ID numbers are indexed in one
     * sorted statement when it {@linkplain Bulk#finish() finishes}: in the order the rows come they
     * would each land on another page of the index (037-record-id-number.yaml).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Bulk bulk() {
        // ids only grow: every record this transaction writes from now on gets one at least this large
        Long first =
                jdbc.getJdbcTemplate().queryForObject("select coalesce(max(id), 0) + 1 from health_record", Long.class);
        return new Bulk(first == null ? 1 : first);
    }

    /** A bulk write in the caller's transaction; see {@link #bulk()}. */
    public final class Bulk {

        private final long firstId;

        private Bulk(long firstId) {
            this.firstId = firstId;
        }

        /** As {@link RecordRows#insert}, but the ID numbers wait for {@link #finish()}. */
        public void insert(List<Row> rows) {
            write(rows);
        }

        /**
         * Indexes the ID numbers of the records written since the bulk began, in their order. Records
         * others committed meanwhile fall in the same range of ids; their writers indexed them.
         */
        public void finish() {
            jdbc.update("""
                    insert into record_id_number (id_number, record_id)
                    select r.id_number, r.id from health_record r
                    where r.id >= :first and r.id_number is not null
                      and not exists (select 1 from record_id_number x where x.id_number = r.id_number and x.record_id = r.id)
                    order by r.id_number, r.id""", new MapSqlParameterSource("first", firstId));
        }
    }

    /**
     * The condition that finds the records of {@code alias} (a table alias, or "" for none) whose ID
     * number is the named parameter: through the ID numbers' own rows, then the record's own number,
     * since a corrected number's old row stays (037-record-id-number.yaml).
     */
    public static String byIdNumber(String alias, String parameter) {
        String column = alias.isEmpty() ? "" : alias + ".";
        return "%sid in (select x.record_id from record_id_number x where x.id_number = :%s) and %sid_number = :%s"
                .formatted(column, parameter, column, parameter);
    }

    /**
     * Indexes a record's ID number, registered or changed through the {@code HealthRecord} aggregate
     * (its services call this; a JPA entity listener needing this bean deadlocked the deferred JPA
     * start). A corrected number's old row stays: lookups compare the record's own number too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void indexIdNumber(long recordId, String idNumber) {
        if (idNumber == null) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", recordId).addValue("idNumber", idNumber);
        Integer known = jdbc.queryForObject(
                "select count(*) from record_id_number where id_number = :idNumber and record_id = :id",
                params,
                Integer.class);
        if (known != null && known == 0) {
            jdbc.update("insert into record_id_number (id_number, record_id) values (:idNumber, :id)", params);
        }
    }

    private void write(List<Row> rows) {
        jdbc.batchUpdate(
                """
                insert into health_record (record_number, name, gender, birth_date, id_number, phone, address,
                    key_populations, status, institution_id, last_service_date, deceased_on, numbered_by, version)
                values (:number, :name, :gender, :birth, :id, :phone, :address, :tags, :status, :institution,
                    :service, :death, :numberedBy, 0)""",
                rows.stream()
                        .map(r -> new MapSqlParameterSource()
                                // nullable values with their types: a null of unknown type costs a metadata round trip
                                // per row
                                .addValue("number", r.recordNumber())
                                .addValue("name", r.name())
                                .addValue(
                                        "gender",
                                        r.gender() == null ? null : r.gender().name(),
                                        Types.VARCHAR)
                                .addValue("birth", date(r.birthDate()), Types.DATE)
                                .addValue("id", r.idNumber(), Types.VARCHAR)
                                .addValue("phone", r.phone(), Types.VARCHAR)
                                .addValue("address", r.address(), Types.VARCHAR)
                                .addValue("tags", KeyPopulation.toColumn(r.keyPopulations()))
                                .addValue("status", r.status().name())
                                .addValue("institution", r.institutionId())
                                .addValue("service", date(r.lastServiceDate()), Types.DATE)
                                .addValue("death", date(r.deceasedOn()), Types.DATE)
                                .addValue("numberedBy", r.numberedBy(), Types.BIGINT))
                        .toArray(SqlParameterSource[]::new));
        SqlParameterSource[] tags = rows.stream()
                .flatMap(r -> r.keyPopulations().stream()
                        .map(tag -> new MapSqlParameterSource("number", r.recordNumber()).addValue("tag", tag.name())))
                .toArray(SqlParameterSource[]::new);
        if (tags.length > 0) {
            jdbc.batchUpdate(
                    "insert into health_record_key_population (record_number, key_population) values (:number, :tag)",
                    tags);
        }
    }

    /** Inserts paper files of records already written, and their contents, in one batch each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insertPaperFiles(List<PaperFileRow> files) {
        jdbc.batchUpdate(
                """
                insert into paper_file (file_number, record_id, page_count, state, box_id, version)
                values (:file, (select id from health_record where record_number = :number), :pages, :state, :box, 0)""",
                files.stream()
                        .map(f -> new MapSqlParameterSource("file", f.fileNumber())
                                .addValue("number", f.recordNumber())
                                .addValue("pages", f.pageCount())
                                .addValue("state", f.state().name())
                                .addValue("box", f.boxId(), Types.BIGINT))
                        .toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> contents = new ArrayList<>();
        for (PaperFileRow f : files) {
            f.contents()
                    .forEach((type, pages) -> contents.add(new MapSqlParameterSource("file", f.fileNumber())
                            .addValue("type", type.name())
                            .addValue("pages", pages)));
        }
        if (!contents.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into paper_file_content (paper_file_id, document_type, pages)
                    values ((select id from paper_file where file_number = :file), :type, :pages)""", contents.toArray(SqlParameterSource[]::new));
        }
    }

    /** The managing institution of each of these records that exists, by record number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> institutionsOf(Collection<String> recordNumbers) {
        Map<String, Long> institutions = new HashMap<>();
        List<String> numbers = List.copyOf(new LinkedHashSet<>(recordNumbers));
        // a thousand at a time: PostgreSQL takes at most 32,767 parameters in one statement
        for (int from = 0; from < numbers.size(); from += 1000) {
            jdbc.query(
                    "select record_number, institution_id from health_record where record_number in (:numbers)",
                    new MapSqlParameterSource("numbers", numbers.subList(from, Math.min(numbers.size(), from + 1000))),
                    rs -> {
                        institutions.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return institutions;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
