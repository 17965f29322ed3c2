package org.dangan.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, without a database, which tables our Liquibase changelogs create and who owns each (the
 * {@code # owner: module} comment line directly above each {@code createTable}, which Liquibase
 * ignores, so existing checksums stay), and which tables the SQL in a Java source names. Plain
 * text work so that {@link TableOwnershipTest} runs in a second and its rules can be shown
 * failing on a sample.
 */
final class SqlTables {

    /** Camunda's own tables (ACT_RU_TASK...) come from the engine's changelog: not ours, never checked. */
    static final String CAMUNDA_PREFIX = "act_";

    private static final Pattern OWNER = Pattern.compile("^\\s*#\\s*owner:\\s*(\\S+)\\s*$");
    private static final Pattern CREATE_TABLE = Pattern.compile("^\\s*-\\s*createTable:\\s*$");
    private static final Pattern TABLE_NAME = Pattern.compile("^\\s*tableName:\\s*(\\S+)\\s*$");
    private static final Pattern RAW_CREATE = Pattern.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\b");

    /** A statement, not a sentence: what makes a string literal SQL rather than a message. */
    private static final Pattern SQL_LOOKING = Pattern.compile(
            "(?i)\\b(select\\b|insert\\s+into\\b|update\\s+\\w+(\\s+\\w+)?\\s+set\\b|delete\\s+from\\b|merge\\s+into\\b|truncate\\b)");
    /** Where a table stands in SQL: after from, join, into, update, table; also later items of a from list. */
    private static final Pattern TABLE_POSITION = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table)\\s+([A-Za-z_][A-Za-z0-9_]*)((?:\\s+(?:as\\s+)?(?!where\\b|on\\b|join\\b|left\\b|"
                    + "inner\\b|right\\b|full\\b|cross\\b|order\\b|group\\b|set\\b|values\\b|using\\b)[A-Za-z_]\\w*)?"
                    + "(?:\\s*,\\s*[A-Za-z_]\\w*(?:\\s+(?:as\\s+)?(?!where\\b|on\\b|join\\b)[A-Za-z_]\\w*)?)*)");

    private static final Pattern LIST_ITEM = Pattern.compile(",\\s*([A-Za-z_]\\w*)");

    private SqlTables() {}

    /** A table created by a changelog, with the owner its comment names (null: none). */
    record Created(String table, String owner, String file, int line) {}

    /** The createTable changes of one changelog, in order; a raw CREATE TABLE in SQL is reported without an owner. */
    static List<Created> created(String file, String yaml) {
        List<Created> found = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (CREATE_TABLE.matcher(lines[i]).matches()) {
                String table = null;
                for (int j = i + 1; j < lines.length && table == null; j++) {
                    Matcher name = TABLE_NAME.matcher(lines[j]);
                    if (name.matches()) {
                        table = name.group(1).replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
                    }
                }
                Matcher owner = i == 0 ? null : OWNER.matcher(lines[i - 1]);
                found.add(new Created(table, owner != null && owner.matches() ? owner.group(1) : null, file, i + 1));
            } else if (!lines[i].stripLeading().startsWith("#")
                    && RAW_CREATE.matcher(lines[i]).find()) {
                found.add(new Created("(CREATE TABLE in sql)", null, file, i + 1));
            }
        }
        return found;
    }

    /**
     * The string literals of a Java source, adjacent ones joined where only {@code +} and space stand
     * between them ({@code "select .. from " + "box b"} is one statement), with the line each starts on.
     */
    static Map<Integer, String> literals(String java) {
        Map<Integer, String> found = new LinkedHashMap<>();
        StringBuilder current = null;
        int start = 0;
        int line = 1;
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (java.startsWith("//", i)) {
                while (i < n && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(java, i, end);
                i = end;
            } else if (c == '\'') {
                i = java.charAt(i + 1) == '\\' ? java.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                if (current == null) {
                    current = new StringBuilder();
                    start = line;
                }
                current.append(java, i + 3, end);
                line += count(java, i, end);
                i = next(java, end + 3, current);
                if (i < 0) {
                    i = -i;
                    found.merge(start, current.toString(), (a, b) -> a + "\n" + b);
                    current = null;
                } else {
                    line += count(java, end + 3, i);
                }
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n && java.charAt(j) != '"') {
                    if (java.charAt(j) == '\\' && j + 1 < n) {
                        value.append(java.charAt(j + 1) == 'n' ? '\n' : java.charAt(j + 1));
                        j += 2;
                    } else {
                        value.append(java.charAt(j++));
                    }
                }
                if (current == null) {
                    current = new StringBuilder();
                    start = line;
                }
                current.append(value);
                i = next(java, j + 1, current);
                if (i < 0) {
                    i = -i;
                    found.merge(start, current.toString(), (a, b) -> a + "\n" + b);
                    current = null;
                } else {
                    line += count(java, j + 1, i);
                }
            } else {
                i++;
            }
        }
        return found;
    }

    /** Past {@code + } to the next literal (answers where it starts) or, when none follows, minus where we stopped. */
    private static int next(String java, int from, StringBuilder current) {
        int k = from;
        boolean plus = false;
        while (k < java.length() && (Character.isWhitespace(java.charAt(k)) || (java.charAt(k) == '+' && !plus))) {
            plus |= java.charAt(k) == '+';
            k++;
        }
        if (plus && k < java.length() && java.charAt(k) == '"') {
            current.append(' ');
            return k;
        }
        return -from;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /**
     * The tables a SQL string names, lower case, from {@code known}; JPQL is left alone, as it names
     * entities ({@code from Box b}), which are written in CamelCase where tables are lower or upper snake case.
     */
    static Set<String> named(String literal, Set<String> known) {
        Set<String> found = new LinkedHashSet<>();
        if (!SQL_LOOKING.matcher(literal).find()) {
            return found;
        }
        Matcher m = TABLE_POSITION.matcher(literal);
        while (m.find()) {
            add(m.group(1), known, found);
            Matcher item = LIST_ITEM.matcher(m.group(2));
            while (item.find()) {
                add(item.group(1), known, found);
            }
        }
        return found;
    }

    private static void add(String word, Set<String> known, Set<String> found) {
        boolean entity = Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
        String table = word.toLowerCase(Locale.ROOT);
        if (!entity && known.contains(table) && !table.startsWith(CAMUNDA_PREFIX)) {
            found.add(table);
        }
    }
}
