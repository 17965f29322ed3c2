package org.dangan.workflow.registry;

import org.dangan.workflow.platform.Refused;

/** Also thrown for a record outside the reader's scope: its existence is not revealed. */
public class RecordNotFoundException extends Refused {

    public RecordNotFoundException(String recordNumber) {
        super(Kind.NOT_FOUND, "record.missing", recordNumber);
    }
}
