package org.dangan.workflow.registry.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.ResidentId;

/** Checks one row against the registry's rules; every broken rule becomes one rejection. */
final class RowValidator {

    private static final List<DateTimeFormatter> DATE_FORMATS = Stream.of(
                    "uuuu-MM-dd", "uuuu/M/d", "uuuuMMdd", "uuuu.M.d", "uuuu-M-d", "uuuu年M月d日")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[eE][+]?[0-9]{1,2}");

    private final Map<ImportColumn, Integer> columns;
    private final List<String> headers;
    private final Function<String, Optional<Institution>> managerOf;
    private final LocalDate today;

    RowValidator(
            Map<ImportColumn, Integer> columns,
            List<String> headers,
            Function<String, Optional<Institution>> managerOf,
            LocalDate today) {
        this.columns = columns;
        this.headers = headers;
        this.managerOf = managerOf;
        this.today = today;
    }

    /** The rejections of this row, or an empty list and the valid row in {@code valid[0]}. */
    List<Problem> check(TabularSource.Row row, ValidRow[] valid) {
        List<Problem> problems = new ArrayList<>();
        if (row.values().size() != headers.size()) {
            problems.add(new Problem(
                    null, "", "import.row.columns", headers.size(), row.values().size()));
            return problems;
        }
        for (ImportColumn c : columns.keySet()) {
            if (c.required() && value(row, c).isEmpty()) {
                problems.add(new Problem(c, "", "import.field.required"));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }

        String number = value(row, ImportColumn.RECORD_NUMBER);
        Long institutionId = null;
        if (excelRounded(row, ImportColumn.RECORD_NUMBER)) {
            problems.add(new Problem(ImportColumn.RECORD_NUMBER, number, "import.excel.rounded"));
        } else
            try {
                RecordNumber recordNumber = RecordNumber.of(number);
                Optional<Institution> manager = managerOf.apply(recordNumber.value());
                if (manager.isEmpty()) {
                    problems.add(new Problem(
                            ImportColumn.RECORD_NUMBER,
                            number,
                            "import.record.institution",
                            recordNumber.townshipCode()));
                } else {
                    institutionId = manager.get().getId();
                }
            } catch (InvalidIdentifierException e) {
                problems.add(new Problem(ImportColumn.RECORD_NUMBER, number, e.key(), e.args()));
            }

        String name = value(row, ImportColumn.NAME);
        if (name.length() > 50 || name.chars().anyMatch(Character::isDigit)) {
            problems.add(new Problem(ImportColumn.NAME, name, "import.name.invalid"));
        }

        String genderText = value(row, ImportColumn.GENDER);
        Optional<Gender> gender = Gender.parse(genderText);
        if (gender.isEmpty()) {
            problems.add(new Problem(ImportColumn.GENDER, genderText, "import.gender.invalid"));
        }

        String birthText = value(row, ImportColumn.BIRTH_DATE);
        LocalDate birthDate = date(birthText);
        if (birthDate == null) {
            problems.add(new Problem(ImportColumn.BIRTH_DATE, birthText, "import.date.invalid"));
        } else if (birthDate.isAfter(today)) {
            problems.add(new Problem(ImportColumn.BIRTH_DATE, birthText, "import.date.future"));
        }

        String idText = value(row, ImportColumn.ID_NUMBER);
        String idNumber = null;
        if (excelRounded(row, ImportColumn.ID_NUMBER)) {
            // "1.30102E+17" keeps only the region: shown as typed; a full-length number is masked as ever
            problems.add(new Problem(
                    ImportColumn.ID_NUMBER,
                    SCIENTIFIC.matcher(idText).matches() ? idText : ResidentId.mask(idText),
                    "import.excel.rounded"));
        } else
            try {
                ResidentId id = ResidentId.of(idText);
                idNumber = id.value();
                if (gender.isPresent() && id.gender() != gender.get()) {
                    problems.add(new Problem(ImportColumn.GENDER, genderText, "import.gender.mismatch"));
                }
                if (birthDate != null && !id.birthDate().equals(birthDate)) {
                    problems.add(new Problem(ImportColumn.BIRTH_DATE, birthText, "import.birthdate.mismatch"));
                }
            } catch (InvalidIdentifierException e) {
                // Excel saving a numeric cell as "0" writes 18 digits whose last three are 000: the check digit fails
                problems.add(new Problem(
                        ImportColumn.ID_NUMBER,
                        ResidentId.mask(idText),
                        idText.matches("[0-9]{15}000") ? "import.excel.rounded" : e.key(),
                        e.args()));
            }

        String phone = value(row, ImportColumn.PHONE);
        if (excelRounded(row, ImportColumn.PHONE)) {
            problems.add(new Problem(ImportColumn.PHONE, phone, "import.excel.rounded"));
        } else if (!phone.isEmpty() && !phone.matches("\\+?[0-9][0-9 -]{5,18}[0-9]")) {
            problems.add(new Problem(ImportColumn.PHONE, phone, "import.phone.invalid"));
        }

        String address = value(row, ImportColumn.ADDRESS);
        if (address.length() > 200) {
            problems.add(new Problem(ImportColumn.ADDRESS, address.substring(0, 20) + "…", "import.address.long"));
        }

        Set<KeyPopulation> tags = EnumSet.noneOf(KeyPopulation.class);
        String tagText = value(row, ImportColumn.KEY_POPULATIONS);
        for (String part : tagText.split("[;,，、；|/]")) {
            if (!part.isBlank()) {
                Optional<KeyPopulation> tag = KeyPopulation.parseOne(part);
                if (tag.isPresent()) {
                    tags.add(tag.get());
                } else {
                    problems.add(new Problem(ImportColumn.KEY_POPULATIONS, part.strip(), "import.tag.unknown"));
                }
            }
        }

        String serviceText = value(row, ImportColumn.LAST_SERVICE_DATE);
        LocalDate lastService = null;
        if (!serviceText.isEmpty()) {
            lastService = date(serviceText);
            if (lastService == null) {
                problems.add(new Problem(ImportColumn.LAST_SERVICE_DATE, serviceText, "import.date.invalid"));
            } else if (lastService.isAfter(today)) {
                problems.add(new Problem(ImportColumn.LAST_SERVICE_DATE, serviceText, "import.date.future"));
            } else if (birthDate != null && lastService.isBefore(birthDate)) {
                problems.add(new Problem(ImportColumn.LAST_SERVICE_DATE, serviceText, "import.service.beforebirth"));
            }
        }

        String fileNumber = value(row, ImportColumn.FILE_NUMBER);
        Map<DocumentType, Integer> contents = new EnumMap<>(DocumentType.class);
        if (!fileNumber.isEmpty()) {
            if (!fileNumber.matches("[0-9A-Za-z-]{1,40}")) {
                problems.add(new Problem(ImportColumn.FILE_NUMBER, fileNumber, "import.file.number"));
            }
            contents = contents(row, problems);
        }

        if (problems.isEmpty()) {
            valid[0] = new ValidRow(
                    row.line(),
                    number,
                    name,
                    gender.get(),
                    birthDate,
                    idNumber,
                    blankToNull(phone),
                    blankToNull(address),
                    tags,
                    lastService,
                    institutionId,
                    blankToNull(fileNumber),
                    contents);
        }
        return problems;
    }

    /** "BASIC_INFO:2;HEALTH_EXAM:4" or Chinese type names; without counts the pages go to OTHER. */
    private Map<DocumentType, Integer> contents(TabularSource.Row row, List<Problem> problems) {
        Map<DocumentType, Integer> contents = new EnumMap<>(DocumentType.class);
        String text = value(row, ImportColumn.CONTENTS);
        for (String part : text.split("[;,，、；|]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] typeAndPages = part.split("[:：]");
            Optional<DocumentType> type = DocumentType.parse(typeAndPages[0]);
            if (type.isEmpty()) {
                problems.add(new Problem(ImportColumn.CONTENTS, part.strip(), "import.contents.type"));
                continue;
            }
            int pages = 0;
            if (typeAndPages.length > 1) {
                try {
                    pages = Integer.parseInt(typeAndPages[1].strip());
                } catch (NumberFormatException e) {
                    pages = -1;
                }
                if (pages < 0) {
                    problems.add(new Problem(ImportColumn.CONTENTS, part.strip(), "import.contents.pages"));
                    continue;
                }
            }
            contents.merge(type.get(), pages, Integer::sum);
        }
        String pageText = value(row, ImportColumn.PAGE_COUNT);
        if (!pageText.isEmpty()) {
            int total;
            try {
                total = Integer.parseInt(pageText);
            } catch (NumberFormatException e) {
                total = -1;
            }
            int counted = contents.values().stream().mapToInt(Integer::intValue).sum();
            if (total < 0 || total > 10_000) {
                problems.add(new Problem(ImportColumn.PAGE_COUNT, pageText, "import.pages.invalid"));
            } else if (counted == 0) {
                contents.put(DocumentType.OTHER, total);
            } else if (counted != total) {
                problems.add(new Problem(ImportColumn.PAGE_COUNT, pageText, "import.pages.mismatch", counted));
            }
        }
        return contents;
    }

    /**
     * Whether Excel has turned the long number of {@code column} into a rounded one: written in
     * scientific notation ("1.30102E+16", as a CSV saved from Excel has it), or kept in an xlsx as a
     * number of more than the 15 digits a number cell holds. The digits are lost; only typing the
     * column as text brings them back, which the refusal says instead of a length error.
     */
    private boolean excelRounded(TabularSource.Row row, ImportColumn column) {
        String v = value(row, column);
        if (SCIENTIFIC.matcher(v).matches()) {
            return true;
        }
        Integer index = columns.get(column);
        return index != null
                && row.numbers().contains(index)
                && v.replaceAll("[^0-9]", "").length() > 15;
    }

    private String value(TabularSource.Row row, ImportColumn column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.values().size()) {
            return "";
        }
        String v = row.values().get(index);
        return v == null ? "" : v.strip();
    }

    String header(ImportColumn column) {
        Integer index = columns.get(column);
        return index == null ? column.chinese() : headers.get(index);
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next format county systems use
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    record Problem(ImportColumn column, String value, String key, Object... args) {}
}
