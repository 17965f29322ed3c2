package org.dangan.workflow.custody;

/** What a ledger entry is about: a paper file (by its file number) or a box (by its barcode). */
public enum CustodySubject {
    PAPER_FILE,
    BOX
}
