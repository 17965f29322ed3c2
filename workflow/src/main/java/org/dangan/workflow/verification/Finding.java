package org.dangan.workflow.verification;

import java.util.List;

/** One broken rule of one record; {@code args} fill the rule's message and hold no ID number. */
public record Finding(Rule rule, Severity severity, String recordNumber, List<Object> args) {

    public Finding {
        args = List.copyOf(args);
    }
}
