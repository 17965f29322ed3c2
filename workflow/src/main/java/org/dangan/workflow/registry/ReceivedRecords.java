package org.dangan.workflow.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.internal.RecordRows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in records that come from another system (a handover bag): they keep their numbers, which
 * carry another institution's code; their paper files are RECEIVED by the taking institution, in
 * its ledger, waiting to be boxed. All or nothing: a number already registered here refuses the lot.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReceivedRecords {

    public record Record(
            String recordNumber,
            String name,
            String gender,
            LocalDate birthDate,
            String idNumber,
            String phone,
            String address,
            String keyPopulations,
            String status,
            LocalDate lastServiceDate,
            LocalDate deceasedOn) {}

    /** The widths of the health_record columns. */
    private static final int MAX_NAME = 50;

    private static final int MAX_PHONE = 20;
    private static final int MAX_ADDRESS = 200;

    private static final Pattern FILE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    /** More sheets than any paper file holds: a count past it is a wrong value, not a file. */
    private static final int MAX_PAGES = 100_000;

    public record File(String fileNumber, String recordNumber, int pageCount) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordRows recordRows;
    private final Institutions institutions;
    private final CustodyLedger ledger;
    private final Clock clock;

    ReceivedRecords(
            NamedParameterJdbcTemplate jdbc,
            RecordRows recordRows,
            Institutions institutions,
            CustodyLedger ledger,
            Clock clock) {
        this.recordRows = recordRows;
        this.clock = clock;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.ledger = ledger;
    }

    /** @param numberedBy the institution whose code the numbers carry, when it is known here */
    public void receive(
            long institutionId, Long numberedBy, String from, List<Record> records, List<File> files, String reason) {
        Institution taking = institutions.require(institutionId);
        LocalDate today = LocalDate.now(clock);
        List<RecordRows.Row> rows = IntStream.range(0, records.size())
                .mapToObj(i -> checked(records.get(i), i + 1, today, institutionId, numberedBy))
                .toList();
        once(rows.stream().map(RecordRows.Row::recordNumber).toList());
        files.forEach(ReceivedRecords::checked);
        once(files.stream().map(File::fileNumber).toList());
        refuseKnown(
                "select record_number from health_record where record_number in (:keys)",
                rows.stream().map(RecordRows.Row::recordNumber).toList());
        refuseKnown(
                "select file_number from paper_file where file_number in (:keys)",
                files.stream().map(File::fileNumber).toList());
        taking.receiveRecords();
        recordRows.insert(rows);
        recordRows.insertPaperFiles(files.stream()
                .map(f -> new RecordRows.PaperFileRow(
                        f.fileNumber(), f.recordNumber(), f.pageCount(), PaperFileState.RECEIVED))
                .toList());
        ledger.appendAll(
                institutionId,
                files.stream()
                        .map(f -> new CustodyLedger.NewEntry(
                                CustodySubject.PAPER_FILE,
                                f.fileNumber(),
                                CustodyEvent.RECEIVED,
                                from,
                                taking.getCode(),
                                reason))
                        .toList());
    }

    /**
     * The record as the registry keeps it, or a refusal naming it and the field: a value another
     * system let through (an unknown tag, a malformed number) would otherwise be stored unchecked
     * and break every list and rule check that reads it back.
     */
    /** A number the bag names twice would otherwise meet the database's unique key as a 500. */
    private static void once(List<String> numbers) {
        Set<String> seen = new HashSet<>();
        for (String number : numbers) {
            if (!seen.add(number)) {
                throw Refused.invalid("bag.duplicate", number);
            }
        }
    }

    private static void checked(File f) {
        if (f.fileNumber() == null || !FILE_NUMBER.matcher(f.fileNumber()).matches()) {
            throw Refused.invalid(
                    "bag.paperFile.invalid",
                    f.fileNumber() == null
                            ? "?"
                            : f.fileNumber()
                                    .substring(0, Math.min(40, f.fileNumber().length())),
                    "file_number");
        }
        if (f.pageCount() < 0 || f.pageCount() > MAX_PAGES) {
            throw Refused.invalid("bag.paperFile.invalid", f.fileNumber(), "page_count");
        }
    }

    private static RecordRows.Row checked(
            Record r, int position, LocalDate today, long institutionId, Long numberedBy) {
        String number = r.recordNumber() == null ? "" : r.recordNumber().strip();
        try {
            RecordNumber.of(number);
        } catch (InvalidIdentifierException e) {
            throw Refused.invalid("bag.record.invalid", "#" + position, "record_number");
        }
        if (r.name() == null || r.name().isBlank() || r.name().strip().length() > MAX_NAME) {
            throw Refused.invalid("bag.record.invalid", number, "name");
        }
        Gender gender = r.gender() == null
                ? null
                : Gender.parse(r.gender()).orElseThrow(() -> Refused.invalid("bag.record.invalid", number, "gender"));
        String idNumber = null;
        if (r.idNumber() != null && !r.idNumber().isBlank()) {
            try {
                idNumber = ResidentId.of(r.idNumber()).value();
            } catch (InvalidIdentifierException e) {
                throw Refused.invalid("bag.record.invalid", number, "id_number");
            }
        }
        if (r.phone() != null && r.phone().length() > MAX_PHONE) {
            throw Refused.invalid("bag.record.invalid", number, "phone");
        }
        if (r.address() != null && r.address().length() > MAX_ADDRESS) {
            throw Refused.invalid("bag.record.invalid", number, "address");
        }
        Set<KeyPopulation> tags;
        try {
            tags = KeyPopulation.fromColumn(r.keyPopulations());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("bag.record.invalid", number, "key_populations");
        }
        RecordStatus status;
        try {
            status = r.status() == null ? RecordStatus.ACTIVE : RecordStatus.valueOf(r.status());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("bag.record.invalid", number, "status");
        }
        if (r.birthDate() != null && r.birthDate().isAfter(today)) {
            throw Refused.invalid("bag.record.invalid", number, "birth_date");
        }
        if (r.lastServiceDate() != null
                && (r.lastServiceDate().isAfter(today)
                        || r.birthDate() != null && r.lastServiceDate().isBefore(r.birthDate()))) {
            throw Refused.invalid("bag.record.invalid", number, "last_service_date");
        }
        if (r.deceasedOn() != null
                && (r.deceasedOn().isAfter(today)
                        || r.birthDate() != null && r.deceasedOn().isBefore(r.birthDate()))) {
            throw Refused.invalid("bag.record.invalid", number, "deceased_on");
        }
        return new RecordRows.Row(
                number,
                r.name().strip(),
                gender,
                r.birthDate(),
                idNumber,
                r.phone(),
                r.address(),
                tags,
                status,
                institutionId,
                r.lastServiceDate(),
                r.deceasedOn(),
                numberedBy);
    }

    private void refuseKnown(String sql, List<String> keys) {
        for (int i = 0; i < keys.size(); i += 1000) {
            List<String> known = jdbc.queryForList(
                    sql,
                    new MapSqlParameterSource(
                            "keys", new ArrayList<>(keys.subList(i, Math.min(keys.size(), i + 1000)))),
                    String.class);
            if (!known.isEmpty()) {
                throw Refused.of("bag.alreadyRegistered", known.get(0));
            }
        }
    }
}
