package org.dangan.workflow.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.internal.RecordRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Imports records (and their paper files) from a county export. One transaction for the whole
 * file: in {@link ImportMode#REJECT_FILE} any rejection rolls everything back; in
 * {@link ImportMode#VALID_ROWS} the valid rows land together. A record number already in the
 * registry is refused, so importing the same file twice creates no duplicates.
 */
@Service
public class RecordImporter {

    /** Rejections kept for the report; the count of rejected rows is always complete. */
    public static final int MAX_REPORTED = 10_000;

    private static final int CHUNK = 1_000;
    /** Rows written by one import past which the tables are vacuumed and analysed at once (see RecordRows). */
    private static final int VACUUM_AFTER = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RecordImporter.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordRows recordRows;
    private final TransactionTemplate transactions;
    private final Institutions institutions;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;
    private final CustodyLedger ledger;
    private final long maxRows;
    private final long maxUnpacked;

    RecordImporter(
            NamedParameterJdbcTemplate jdbc,
            RecordRows recordRows,
            PlatformTransactionManager transactionManager,
            Institutions institutions,
            AuditLog auditLog,
            MessageSource messages,
            Clock clock,
            CustodyLedger ledger,
            @Value("${dangan.import.max-rows:200000}") long maxRows,
            @Value("${dangan.import.max-unpacked-size:1GB}") DataSize maxUnpacked) {
        this.ledger = ledger;
        this.maxRows = maxRows;
        this.maxUnpacked = maxUnpacked.toBytes();
        this.jdbc = jdbc;
        this.recordRows = recordRows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.institutions = institutions;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param encoding "UTF-8", "GBK" or null/"auto" to detect; ignored for xlsx
     * @throws ImportFailedException when the file as a whole cannot be read; nothing is written then
     */
    public ImportResult importFile(
            Path file, String filename, String encoding, ImportMode mode, Locale locale, ImportProgress progress) {
        InstitutionScope scope = institutions.currentScope();
        String sha256 = sha256(file);
        boolean xlsx = isXlsx(file, filename);
        Charset charset = xlsx ? null : charset(file, encoding);
        try {
            ImportResult result = inOneTransaction(status -> {
                Run run = new Run(scope, mode, locale, progress, recordRows.bulk());
                try (TabularSource source = xlsx ? new XlsxSource(file, maxUnpacked) : new CsvSource(file, charset)) {
                    run.readAll(source);
                } catch (IOException e) {
                    throw new ImportFailedException("import.file.unreadable", e.getMessage());
                }
                // duplicates within the file are found as rows are read, those in the registry a
                // thousand rows later: the report is read top to bottom, in the file's order
                run.report.sort(Comparator.comparingLong(Rejection::line));
                boolean write = mode == ImportMode.VALID_ROWS || run.rejectedRows == 0;
                if (!write) {
                    status.setRollbackOnly();
                } else if (run.accepted > 0) {
                    run.bulk.finish();
                }
                return new ImportResult(
                        write ? run.accepted : 0,
                        run.report,
                        run.rejectedRows,
                        run.rows,
                        xlsx ? "xlsx" : displayName(charset),
                        mode,
                        write && run.accepted > 0,
                        sha256);
            });
            if (result.written() && result.accepted() >= VACUUM_AFTER) {
                try {
                    recordRows.vacuumAfterBulkWrite();
                } catch (DataAccessException e) {
                    // the rows are in and committed; only the statistics wait for autovacuum
                    LOG.warn("import {}: vacuum and statistics failed: {}", sha256.substring(0, 12), e.getMessage());
                }
            }
            auditLog.record(
                    AuditAction.IMPORT,
                    "FILE",
                    sha256.substring(0, 16),
                    scope.root().getId(),
                    "mode=%s rows=%d accepted=%d rejectedRows=%d"
                            .formatted(mode, result.rows(), result.accepted(), result.rejectedRows()));
            LOG.info(
                    "import {} by {}: {} rows, {} accepted, {} rejected",
                    sha256.substring(0, 12),
                    scope.root().getCode(),
                    result.rows(),
                    result.accepted(),
                    result.rejectedRows());
            return result;
        } catch (ImportFailedException e) {
            auditLog.record(
                    AuditAction.IMPORT_REJECTED,
                    "FILE",
                    sha256.substring(0, 16),
                    scope.root().getId(),
                    e.key());
            throw e;
        }
    }

    /**
     * A number is checked against the registry before it is written, so a unique key can only fail
     * when another import wrote the same number in between, and a lock only be waited for in vain
     * while another import has written it and not yet committed (H2 gives up after its lock
     * timeout; PostgreSQL waits and then fails on the key): this one is rolled back whole.
     */
    private ImportResult inOneTransaction(TransactionCallback<ImportResult> work) {
        try {
            return transactions.execute(work);
        } catch (DuplicateKeyException | QueryTimeoutException | PessimisticLockingFailureException e) {
            throw new ImportFailedException("import.concurrent");
        }
    }

    public String message(ImportFailedException e, Locale locale) {
        return messages.getMessage(e.key(), e.args(), e.key(), locale);
    }

    /** The rejection report as CSV, its headers in {@code locale}'s language: line, field, the value as typed, reason. */
    public byte[] report(List<Rejection> rejections, Locale locale) {
        return ImportTemplate.report(
                Stream.of("line", "field", "value", "reason")
                        .map(h -> messages.getMessage("import.report." + h, null, locale))
                        .toList(),
                rejections);
    }

    private final class Run {
        final InstitutionScope scope;
        final ImportMode mode;
        final Locale locale;
        final ImportProgress progress;
        final RecordRows.Bulk bulk;
        final List<Rejection> report = new ArrayList<>();
        // a million rows make a million entries: compact, see FirstLines
        final FirstLines firstLineOfNumber = new FirstLines();
        final FirstLines firstLineOfFile = new FirstLines();
        final List<ValidRow> pending = new ArrayList<>(CHUNK);
        final LocalDate today = LocalDate.now(clock);
        RowValidator validator;
        long rows;
        long accepted;
        long rejectedRows;

        Run(InstitutionScope scope, ImportMode mode, Locale locale, ImportProgress progress, RecordRows.Bulk bulk) {
            this.scope = scope;
            this.bulk = bulk;
            this.mode = mode;
            this.locale = locale;
            this.progress = progress;
        }

        void readAll(TabularSource source) throws IOException {
            source.read(row -> accept(row, source));
            if (validator == null) {
                throw new ImportFailedException("import.file.empty");
            }
            flush();
            if (rows == 0) {
                throw new ImportFailedException("import.file.norows");
            }
            progress.advanced(source.size(), source.size(), rows);
        }

        private void accept(TabularSource.Row row, TabularSource source) {
            if (row.blank()) {
                return;
            }
            if (validator == null) {
                validator = new RowValidator(
                        columns(row.values()), row.values(), number -> institutions.managerOf(number, scope), today);
                return;
            }
            // one transaction holds the whole file: past the cap it would hold the node's memory
            if (++rows > maxRows) {
                throw new ImportFailedException("import.rows.tooMany", maxRows);
            }
            ValidRow[] valid = new ValidRow[1];
            List<RowValidator.Problem> problems = validator.check(row, valid);
            if (problems.isEmpty()) {
                problems = duplicateInFile(valid[0]);
            }
            if (problems.isEmpty()) {
                pending.add(valid[0]);
                if (pending.size() == CHUNK) {
                    flush();
                }
            } else {
                reject(row.line(), problems);
            }
            if (rows % CHUNK == 0) {
                progress.advanced(source.progress(), source.size(), rows);
            }
        }

        private Map<ImportColumn, Integer> columns(List<String> headers) {
            Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
            for (int i = 0; i < headers.size(); i++) {
                int index = i;
                ImportColumn.byHeader(headers.get(i)).ifPresent(c -> {
                    if (columns.putIfAbsent(c, index) != null) {
                        throw new ImportFailedException("import.header.duplicate", headers.get(index));
                    }
                });
            }
            List<String> missing = new ArrayList<>();
            for (ImportColumn c : ImportColumn.values()) {
                if (c.required() && !columns.containsKey(c)) {
                    missing.add(c.chinese() + "/" + c.english());
                }
            }
            if (!missing.isEmpty()) {
                throw new ImportFailedException("import.header.missing", String.join(", ", missing));
            }
            return columns;
        }

        private List<RowValidator.Problem> duplicateInFile(ValidRow row) {
            long earlier = firstLineOfNumber.putIfAbsent(row.recordNumber(), row.line());
            if (earlier >= 0) {
                return List.of(new RowValidator.Problem(
                        ImportColumn.RECORD_NUMBER, row.recordNumber(), "import.duplicate.file", earlier));
            }
            if (row.fileNumber() != null) {
                long earlierFile = firstLineOfFile.putIfAbsent(row.fileNumber(), row.line());
                if (earlierFile >= 0) {
                    return List.of(new RowValidator.Problem(
                            ImportColumn.FILE_NUMBER, row.fileNumber(), "import.duplicate.file", earlierFile));
                }
            }
            return List.of();
        }

        private void reject(long line, List<RowValidator.Problem> problems) {
            rejectedRows++;
            for (RowValidator.Problem p : problems) {
                if (report.size() < MAX_REPORTED) {
                    String column = p.column() == null ? "" : validator.header(p.column());
                    // a cell of any length comes back clipped, as every refusal echoes what it was given
                    report.add(new Rejection(
                            line,
                            column,
                            Refused.echo(p.value()),
                            messages.getMessage(p.key(), p.args(), p.key(), locale),
                            p.key()));
                }
            }
        }

        /** Checks the chunk against the registry, then writes what is new. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> numbers = new HashSet<>();
            Set<String> files = new HashSet<>();
            pending.forEach(r -> {
                numbers.add(r.recordNumber());
                if (r.fileNumber() != null) {
                    files.add(r.fileNumber());
                }
            });
            Set<String> registered = new HashSet<>(jdbc.queryForList(
                    "select record_number from health_record where record_number in (:n)",
                    new MapSqlParameterSource("n", numbers),
                    String.class));
            Set<String> registeredFiles = files.isEmpty()
                    ? Set.of()
                    : new HashSet<>(jdbc.queryForList(
                            "select file_number from paper_file where file_number in (:f)",
                            new MapSqlParameterSource("f", files),
                            String.class));
            List<ValidRow> fresh = new ArrayList<>(pending.size());
            for (ValidRow r : pending) {
                if (registered.contains(r.recordNumber())) {
                    reject(
                            r.line(),
                            List.of(new RowValidator.Problem(
                                    ImportColumn.RECORD_NUMBER, r.recordNumber(), "import.duplicate.registry")));
                } else if (r.fileNumber() != null && registeredFiles.contains(r.fileNumber())) {
                    reject(
                            r.line(),
                            List.of(new RowValidator.Problem(
                                    ImportColumn.FILE_NUMBER, r.fileNumber(), "import.duplicate.registry.file")));
                } else {
                    fresh.add(r);
                }
            }
            pending.clear();
            // once the file is going to be rejected, writing more rows is wasted work
            if (fresh.isEmpty() || (mode == ImportMode.REJECT_FILE && rejectedRows > 0)) {
                return;
            }
            write(fresh);
            accepted += fresh.size();
        }

        private void write(List<ValidRow> fresh) {
            bulk.insert(fresh.stream()
                    .map(r -> new RecordRows.Row(
                            r.recordNumber(),
                            r.name(),
                            r.gender(),
                            r.birthDate(),
                            r.idNumber(),
                            r.phone(),
                            r.address(),
                            r.keyPopulations(),
                            RecordStatus.ACTIVE,
                            r.institutionId(),
                            r.lastServiceDate(),
                            null,
                            null))
                    .toList());
            List<ValidRow> withFiles =
                    fresh.stream().filter(r -> r.fileNumber() != null).toList();
            if (withFiles.isEmpty()) {
                return;
            }
            recordRows.insertPaperFiles(withFiles.stream()
                    .map(r -> new RecordRows.PaperFileRow(
                            r.fileNumber(),
                            r.recordNumber(),
                            r.contents().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum(),
                            PaperFileState.RECEIVED))
                    .toList());
            List<SqlParameterSource> contentRows = new ArrayList<>();
            for (ValidRow r : withFiles) {
                for (Map.Entry<DocumentType, Integer> e : r.contents().entrySet()) {
                    contentRows.add(new MapSqlParameterSource()
                            .addValue("file", r.fileNumber())
                            .addValue("type", e.getKey().name())
                            .addValue("pages", e.getValue()));
                }
            }
            jdbc.batchUpdate("""
                    insert into paper_file_content (paper_file_id, document_type, pages)
                    values ((select id from paper_file where file_number = :file), :type, :pages)""", contentRows.toArray(SqlParameterSource[]::new));
            // each imported paper file is received by its managing institution, in the batch's transaction
            withFiles.stream()
                    .collect(Collectors.groupingBy(ValidRow::institutionId, LinkedHashMap::new, Collectors.toList()))
                    .forEach((institution, rows) -> ledger.appendAll(
                            institution,
                            rows.stream()
                                    .map(r -> new CustodyLedger.NewEntry(
                                            CustodySubject.PAPER_FILE,
                                            r.fileNumber(),
                                            CustodyEvent.RECEIVED,
                                            null,
                                            institutions.require(institution).getCode(),
                                            "imported"))
                                    .toList()));
        }
    }

    private static Charset charset(Path file, String encoding) {
        try {
            Charset chosen = Encodings.named(encoding);
            if (chosen == null) {
                return Encodings.detect(file);
            }
            if (chosen.equals(StandardCharsets.UTF_8)) {
                long bad = Encodings.firstInvalidUtf8Byte(file);
                if (bad >= 0) {
                    throw new ImportFailedException("import.encoding.notutf8", bad);
                }
            }
            return chosen;
        } catch (IOException e) {
            throw new ImportFailedException("import.file.unreadable", e.getMessage());
        }
    }

    private static boolean isXlsx(Path file, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new ImportFailedException("import.xls.unsupported");
        }
        if (name.endsWith(".xlsx")) {
            return true;
        }
        if (!name.isEmpty() && !name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new ImportFailedException("import.type.unsupported", filename);
        }
        return false;
    }

    private static String displayName(Charset charset) {
        return charset.equals(Encodings.GBK) ? "GBK" : charset.name();
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            if (Files.size(file) == 0) {
                throw new ImportFailedException("import.file.empty");
            }
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading is hashing
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ImportFailedException("import.file.unreadable", e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
