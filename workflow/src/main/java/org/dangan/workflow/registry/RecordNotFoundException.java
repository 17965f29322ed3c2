package org.dangan.workflow.registry;

/** Also thrown for a record outside the reader's scope: its existence is not revealed. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordNumber) {
        super("no record " + recordNumber + " in your institutions");
    }
}
