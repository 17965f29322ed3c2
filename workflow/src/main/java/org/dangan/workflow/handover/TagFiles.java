package org.dangan.workflow.handover;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dangan.workflow.platform.Refused;

/**
 * A bag's text files (bagit.txt, bag-info.txt, the manifests) read a line at a time, never whole:
 * a manifest that unpacks to one endless line, or to millions of lines, is refused at the line
 * that passes the limit, with what was read so far as the only memory spent.
 */
final class TagFiles {

    /**
     * A line holds a SHA-256, two spaces and a path: 4,096 characters for the path (Linux's
     * PATH_MAX) and room for the rest.
     */
    static final int MAX_LINE = 4_096 + 128;

    @FunctionalInterface
    interface Line {
        void read(int number, String line) throws IOException;
    }

    private TagFiles() {}

    /**
     * Each line of {@code file} (without its CR LF or LF), refused past {@code maxLines} lines,
     * {@code maxBytes} bytes or {@link #MAX_LINE} characters in a line; {@code name} is the file as
     * the bag names it.
     */
    static void lines(Path file, String name, int maxLines, long maxBytes, Line each) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw Refused.invalid("bag.tagFile.tooLarge", name, maxBytes);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int number = 0;
            for (int c = reader.read(); ; c = reader.read()) {
                if (c == '\n' || (c == -1 && !line.isEmpty())) {
                    if (++number > maxLines) {
                        throw Refused.invalid("bag.tagFile.tooManyLines", name, maxLines);
                    }
                    int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                            ? line.length() - 1
                            : line.length();
                    each.read(number, line.substring(0, end));
                    line.setLength(0);
                } else if (c != -1) {
                    if (line.length() >= MAX_LINE) {
                        throw Refused.invalid("bag.tagFile.lineTooLong", name, number + 1, MAX_LINE);
                    }
                    line.append((char) c);
                }
                if (c == -1) {
                    return;
                }
            }
        } catch (CharacterCodingException e) {
            throw Refused.invalid("bag.tagFile.encoding", name);
        }
    }
}
