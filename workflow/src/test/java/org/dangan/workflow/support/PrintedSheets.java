package org.dangan.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/**
 * What every printed sheet must be, checked on one: PDF/A-2b by veraPDF, the reference validator
 * (a sheet is a record), titled in its metadata, and with no code or UTC time among its words.
 */
public final class PrintedSheets {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PrintedSheets() {}

    /** Checks the sheet and answers its text. */
    public static String archival(byte[] pdf) throws Exception {
        List<String> failed;
        try (PDFAParser parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            failed = validator.validate(parser).getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
                    .distinct()
                    .toList();
        }
        assertThat(failed).as("veraPDF, PDF/A-2b").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).as("title").isNotBlank();
            String text = new PDFTextStripper().getText(doc);
            // an ISO instant (2026-11-29T22:44:12.199157Z) or an enum name (RETIRED_PAPER, CHECKED_OUT)
            assertThat(text)
                    .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d")
                    .doesNotContainPattern("\\b[A-Z]{3,}_[A-Z_]+\\b")
                    .doesNotContainPattern("\\b(FOUND|MISSING|MISPLACED|UNEXPECTED|STORED|RECEIVED|DISPOSED|MERGER"
                            + "|CLOSURE|PASSED|WAITING|COMPLETED)\\b");
            return text;
        }
    }
}
