package org.dangan.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a document PDF/A-2b, as every PDF the application keeps or prints must be (a printed sheet
 * is a record in its own right): XMP metadata that identifies the part and conformance and says
 * the same as the Info dictionary (title, creator, producer, dates), and an sRGB output intent for
 * the colours drawn. The fonts must already be embedded ({@link HanFont} does that).
 */
public final class Archival {

    private static final String CREATOR = "Dang'an";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private Archival() {}

    /** The moment to stamp a document with: China time, whole seconds (the Info dictionary keeps no fractions). */
    public static Calendar now() {
        Calendar at = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
        at.set(Calendar.MILLISECOND, 0);
        return at;
    }

    /** Declares {@code document} PDF/A-2b with {@code title}, written at {@code created}; call it once, before saving. */
    public static void declare(PDDocument document, String title, Calendar created) {
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(CREATOR);
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setMetadataDate(created);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(CREATOR);
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xml.toByteArray());
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            catalog.setMetadata(metadata);

            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator(CREATOR);
            info.setProducer(CREATOR);
            info.setCreationDate(created);
            info.setModificationDate(created);

            if (catalog.getOutputIntents().isEmpty()) {
                PDOutputIntent intent = new PDOutputIntent(
                        document,
                        new ByteArrayInputStream(
                                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
                intent.setInfo(SRGB);
                intent.setOutputCondition(SRGB);
                intent.setOutputConditionIdentifier(SRGB);
                intent.setRegistryName("http://www.color.org");
                catalog.addOutputIntent(intent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF/A metadata", e);
        } catch (TransformerException | BadFieldValueException e) {
            throw new IllegalStateException("cannot write the PDF/A metadata", e);
        }
    }
}
