package org.dangan.workflow.platform;

import java.nio.file.Path;
import org.dangan.pdf.PrintedSheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The font embedded in every PDF the application writes: {@code dangan.pdf.font}, else Debian's wqy-zenhei. */
@Component
public class PdfFont {

    private final Path path;

    PdfFont(@Value("${dangan.pdf.font:}") String font) {
        this.path = font.isBlank() ? PrintedSheet.DEFAULT_FONT : Path.of(font);
    }

    public Path path() {
        return path;
    }
}
