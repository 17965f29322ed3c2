package org.dangan.workflow.handover;

import java.util.List;

/**
 * What an institution hands over, as counted: its records, its paper files box by box (and those
 * in no box), its scanned documents, and one SHA-256 over all of it in a fixed order, so that a
 * change between the inventory and the switch of custody is seen.
 */
public record Inventory(
        int records,
        int paperFiles,
        int pages,
        int documents,
        List<BoxEntry> boxes,
        List<FileEntry> unboxed,
        String sha256) {

    public record BoxEntry(String barcode, String place, int position, List<FileEntry> files) {

        public int pages() {
            return files.stream().mapToInt(FileEntry::pages).sum();
        }
    }

    public record FileEntry(String fileNumber, String recordNumber, int pages, String state) {}

    public List<String> barcodes() {
        return boxes.stream().map(BoxEntry::barcode).toList();
    }
}
