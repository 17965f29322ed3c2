package org.dangan.workflow.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dangan.pdf.Labels;
import org.dangan.pdf.PrintedSheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The font embedded in every PDF the application writes ({@code dangan.pdf.font}, else Debian's
 * wqy-zenhei), and the one way to write a printed sheet: {@link #sheet()} and {@link #labels} give
 * PDF/A-2b documents with that font, and {@link #name} the Chinese word for a state, a kind or an
 * outcome, since a sheet is a record read on paper and shows no code.
 */
@Component
public class PdfFont {

    private final Path path;
    private final MessageSource messages;

    PdfFont(@Value("${dangan.pdf.font:}") String font, MessageSource messages) {
        this.path = font.isBlank() ? PrintedSheet.DEFAULT_FONT : Path.of(font);
        this.messages = messages;
    }

    public Path path() {
        return path;
    }

    /** A new A4 sheet; its first title names the document. Close it after {@code toBytes()}. */
    public PrintedSheet sheet() {
        return new PrintedSheet(path);
    }

    public byte[] labels(List<Labels.Label> labels, Labels.Layout layout, String title) {
        return Labels.pdf(labels, layout, path, title);
    }

    /**
     * The value's Chinese name from the messages bundle: key {@code Type.VALUE}, or
     * {@code Outer.Type.VALUE} for an enum declared inside a class (two {@code Outcome}s differ);
     * the code itself only if the bundle lacks it.
     */
    public String name(Enum<?> value) {
        if (value == null) {
            return "";
        }
        Class<?> type = value.getDeclaringClass();
        String prefix = type.getEnclosingClass() == null
                ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        return messages.getMessage(prefix + "." + value.name(), null, value.name(), Locale.SIMPLIFIED_CHINESE);
    }

    /** {@link #name(Enum)} of a value stored as its code, as queries return it. */
    public <E extends Enum<E>> String name(Class<E> type, String code) {
        return code == null || code.isEmpty() ? "" : name(Enum.valueOf(type, code));
    }
}
