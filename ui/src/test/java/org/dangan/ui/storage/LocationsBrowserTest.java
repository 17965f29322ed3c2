package org.dangan.ui.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The archivist looking into a box by clicking: 库位, the shelf in the list, its boxes, and the
 * contents sheet of the box, which is read back here.
 */
class LocationsBrowserTest extends BrowserTest {

    @Autowired
    RegistryAdministration registry;

    @Autowired
    AsUser asUser;

    @Test
    void the_archivist_clicks_a_shelf_and_opens_the_contents_sheet_of_its_box() throws Exception {
        Fixtures.County county = fixtures.county();
        Box box = fixtures.box(county.a(), 1);
        HealthRecord record = fixtures.record(county.a(), 1);
        String archivist = county.user("archivist-a");
        asUser.login(archivist);
        try {
            registry.store(record.getRecordNumber() + "-01", box.getBarcode());
        } finally {
            AsUser.logout();
        }
        String barcode = box.getBarcode().value();

        logIn("locations", archivist);
        clickRow("locations-grid", "1号架");
        wait.until(d -> byId("shelf-boxes").getText().contains(barcode));
        assertThat(byId("shelf-boxes").getText()).contains("1 / 50", "打开目录");
        assertChineseOnly(archivist);

        HttpResponse<byte[]> sheet = download(byId("box-contents-" + barcode).getAttribute("href"));
        assertThat(sheet.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(sheet.body())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(barcode, record.getRecordNumber() + "-01", record.getName());
        }
    }
}
