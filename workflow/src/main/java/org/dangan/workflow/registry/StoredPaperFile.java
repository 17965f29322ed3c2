package org.dangan.workflow.registry;

/** A paper file as stored, read in bulk for the checker's sign-off. */
public record StoredPaperFile(
        long id, String fileNumber, long recordId, int pageCount, PaperFileState state, Long boxId, String contents) {}
