package org.dangan.workflow.platform;

/**
 * An identifier (record number, ID number, box barcode) broke one of its rules: a refusal like any
 * other, so the screens and the API say which rule in the user's language; importers catch it by
 * this type to name the row and field.
 */
public class InvalidIdentifierException extends Refused {

    private final transient Object[] args;

    public InvalidIdentifierException(String key, Object... args) {
        super(Kind.INVALID, key, args);
        this.args = args.clone();
    }

    /** The arguments as given (numbers, characters), for importers that build their own line error. */
    public Object[] args() {
        return args.clone();
    }
}
