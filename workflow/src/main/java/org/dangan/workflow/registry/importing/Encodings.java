package org.dangan.workflow.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** County systems export GBK; newer ones UTF-8. A file that decodes as strict UTF-8 is UTF-8. */
final class Encodings {

    /** GB18030 decodes everything GBK does, and the rare characters of names that GBK lacks. */
    static final Charset GBK = Charset.forName("GB18030");

    private Encodings() {}

    static Charset named(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
            default -> throw new ImportFailedException("import.encoding.unknown", name);
        };
    }

    /**
     * Non-ASCII characters read as UTF-8 before a bad byte that make the file UTF-8 with a broken
     * byte, not GBK: a GBK file's Chinese header fails UTF-8 within its first characters, and a run
     * of Chinese that happens to be valid UTF-8 in GBK is rarely longer than a character or two.
     */
    static final int UTF8_EVIDENCE = 8;

    static Charset detect(Path file) throws IOException {
        Utf8Scan scan = scanUtf8(file);
        if (scan.valid()) {
            return StandardCharsets.UTF_8;
        }
        // decoding it as GBK would import every name garbled without a word: say where it broke
        if (scan.nonAsciiBefore() >= UTF8_EVIDENCE) {
            throw new ImportFailedException("import.encoding.brokenUtf8", scan.invalidAt() + 1, scan.line());
        }
        return GBK;
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    static long firstInvalidUtf8Byte(Path file) throws IOException {
        return scanUtf8(file).invalidAt();
    }

    /** Where UTF-8 decoding failed (-1: it did not), on which line, after how many non-ASCII characters. */
    record Utf8Scan(long invalidAt, long line, long nonAsciiBefore) {
        boolean valid() {
            return invalidAt < 0;
        }
    }

    private static Utf8Scan scanUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long lines = 1;
        long nonAscii = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                eof = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                int before = in.position();
                CoderResult result = decoder.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\n') {
                        lines++;
                    } else if (c > 0x7f) {
                        nonAscii++;
                    }
                }
                if (result.isError()) {
                    return new Utf8Scan(consumed + (in.position() - before), lines, nonAscii);
                }
                consumed += in.position() - before;
                out.clear();
                in.compact();
            }
            CoderResult flush = decoder.flush(out);
            if (flush.isError() || in.position() > 0) {
                return new Utf8Scan(consumed, lines, nonAscii);
            }
        } catch (CharacterCodingException e) {
            return new Utf8Scan(consumed, lines, nonAscii);
        }
        return new Utf8Scan(-1, lines, nonAscii);
    }
}
