package org.dangan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning module, the one whose {@code # owner:} line stands above its
 * {@code createTable} in the changelog; SQL in another module's main sources does not name it
 * (that module asks the owner's API). Spring Modulith's boundary test cannot see inside SQL
 * strings; this one does. A join kept on purpose goes into {@link #ALLOWED} with its reason.
 */
class TableOwnershipTest {

    record Allowed(String module, String table, String reason) {}

    /** Kept short: every entry is a leak someone decided to keep, or one not yet closed. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed(
                    "custody",
                    "institution",
                    "locks the institution's row (select .. for update) so that appends to its hash chain are serialised; a lock, not a read"),
            new Allowed(
                    "registry",
                    "custody_entry",
                    "CustodyAgreement compares every paper file with its last ledger entry in one pass; a million files cannot go through CustodyLedger one by one"),
            new Allowed(
                    "verification",
                    "health_record",
                    "campaign lists and figures are scoped, named and counted by each record's current institution, paged and grouped in SQL over a million records (CampaignBenchmark)"),
            new Allowed(
                    "verification",
                    "paper_file",
                    "the self-check list and its progress page through the institution's paper files left-joined with the campaign's paper checks"),
            new Allowed(
                    "verification",
                    "box",
                    "the paper checks filter and the sign-off sheets group by box barcode in the same paged query"),
            new Allowed(
                    "handover",
                    "box",
                    "the inventory digest and the bag's boxes.json list an institution's boxes in one ordered read; not yet through storage's API"));

    private static final Path CHANGELOGS = Path.of("src/main/resources/db/changelog");
    private static final Path MODULES = Path.of("src/main/java/org/dangan/workflow");

    @Test
    void every_table_our_changelogs_create_names_an_existing_module_as_its_owner() {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = owners(problems);
        assertThat(problems).as("changelog owner lines").isEmpty();
        assertThat(owners).as("tables created by %s", CHANGELOGS).isNotEmpty();
    }

    @Test
    void no_module_names_another_modules_table_in_sql() {
        Map<String, String> owners = owners(new ArrayList<>());
        List<String> leaks = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String module : modules()) {
            for (Path file : javaFiles(MODULES.resolve(module))) {
                for (Map.Entry<Integer, String> literal :
                        SqlTables.literals(read(file)).entrySet()) {
                    for (String table : SqlTables.named(literal.getValue(), owners.keySet())) {
                        String owner = owners.get(table);
                        if (owner.equals(module)) {
                            continue;
                        }
                        if (allowed(module, table)) {
                            used.add(module + "/" + table);
                            continue;
                        }
                        leaks.add("module %s names table %s (owned by %s) in %s:%d"
                                .formatted(module, table, owner, file, literal.getKey()));
                    }
                }
            }
        }
        assertThat(leaks)
                .as("SQL naming another module's table: ask the owning module's API, or allow-list the"
                        + " join in TableOwnershipTest.ALLOWED with its reason")
                .isEmpty();
        assertThat(ALLOWED.stream()
                        .map(a -> a.module() + "/" + a.table())
                        .filter(a -> !used.contains(a))
                        .toList())
                .as("allow-list entries no longer needed: remove them from TableOwnershipTest.ALLOWED")
                .isEmpty();
    }

    @Test
    void the_scanner_finds_a_table_named_in_sql_and_only_there() {
        Set<String> known = Set.of("box", "paper_file", "health_record", "storage_location");
        assertThat(SqlTables.named("select f.id from paper_file f join BOX b on b.id = f.box_id", known))
                .containsExactly("paper_file", "box");
        assertThat(SqlTables.named("select count(*) from storage_location l, box b where b.location_id = l.id", known))
                .containsExactly("storage_location", "box");
        assertThat(SqlTables.named("update box set institution_id = :to where institution_id = :from", known))
                .containsExactly("box");
        // JPQL names entities, a message is not SQL, a column is not a table
        assertThat(SqlTables.named("update Box b set b.institutionId = :to", known))
                .isEmpty();
        assertThat(SqlTables.named("moved from box BX0000000001 to shelf 3", known))
                .isEmpty();
        assertThat(SqlTables.named("select b.box_id, r.health_record_id from loans b", known))
                .isEmpty();
    }

    @Test
    void the_scanner_joins_concatenated_literals_and_reads_text_blocks() {
        String java = """
                class Sample {
                    // select * from box: a comment is not SQL
                    String one = "select f.file_number from paper_file f"
                            + " join box b on b.id = f.box_id";
                    char quote = '"';
                    String two = \"""
                            insert into health_record (name)
                            values (:name)\""";
                }
                """;
        Map<Integer, String> literals = new TreeMap<>(SqlTables.literals(java));
        Set<String> known = Set.of("box", "paper_file", "health_record");
        assertThat(literals.keySet()).containsExactly(3, 6);
        assertThat(SqlTables.named(literals.get(3), known)).containsExactly("paper_file", "box");
        assertThat(SqlTables.named(literals.get(6), known)).containsExactly("health_record");
    }

    @Test
    void a_create_table_without_an_owner_line_is_reported() {
        List<SqlTables.Created> created = SqlTables.created("900-sample.yaml", """
                databaseChangeLog:
                  - changeSet:
                      changes:
                        # owner: storage
                        - createTable:
                            tableName: shelf_label
                        - createTable:
                            tableName: orphan
                        - sql:
                            sql: CREATE TABLE other (id BIGINT)
                """);
        assertThat(created)
                .extracting(SqlTables.Created::table, SqlTables.Created::owner)
                .containsExactly(
                        Tuple.tuple("shelf_label", "storage"),
                        Tuple.tuple("orphan", null),
                        Tuple.tuple("(CREATE TABLE in sql)", null));
    }

    private static boolean allowed(String module, String table) {
        return ALLOWED.stream()
                .anyMatch(a -> a.module().equals(module) && a.table().equals(table));
    }

    /** Table to owning module, from every changelog; what is wrong with an owner line goes into {@code problems}. */
    private static Map<String, String> owners(List<String> problems) {
        assertThat(CHANGELOGS).as("run from the workflow module's directory").isDirectory();
        Set<String> modules = Set.copyOf(modules());
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(CHANGELOGS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{3}-.*\\.ya?ml"))
                    .sorted()
                    .toList()) {
                for (SqlTables.Created c : SqlTables.created(file.getFileName().toString(), read(file))) {
                    if (c.table() != null && c.table().startsWith(SqlTables.CAMUNDA_PREFIX)) {
                        continue;
                    }
                    if (c.owner() == null) {
                        problems.add("%s:%d creates table %s without a '# owner: <module>' line directly above"
                                .formatted(c.file(), c.line(), c.table()));
                    } else if (!modules.contains(c.owner())) {
                        problems.add("%s:%d gives table %s the owner %s, which is no module (%s)"
                                .formatted(c.file(), c.line(), c.table(), c.owner(), modules));
                    } else {
                        owners.put(c.table(), c.owner());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** The module packages: the directories directly under org/dangan/workflow. */
    private static List<String> modules() {
        try (Stream<Path> dirs = Files.list(MODULES)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
