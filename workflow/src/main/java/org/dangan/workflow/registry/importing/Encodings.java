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

    static Charset detect(Path file) throws IOException {
        return firstInvalidUtf8Byte(file) < 0 ? StandardCharsets.UTF_8 : GBK;
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    static long firstInvalidUtf8Byte(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
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
                if (result.isError()) {
                    return consumed + (in.position() - before);
                }
                consumed += in.position() - before;
                out.clear();
                in.compact();
            }
            CoderResult flush = decoder.flush(out);
            if (flush.isError() || in.position() > 0) {
                return consumed;
            }
        } catch (CharacterCodingException e) {
            return consumed;
        }
        return -1;
    }
}
