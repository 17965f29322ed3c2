package org.dangan.workflow.storage;

/** The levels of a storage location, outermost first. */
public enum LocationType {
    SITE,
    ROOM,
    CABINET,
    SHELF;

    /** Shelves and cabinets hold boxes; sites and rooms hold locations. */
    public boolean holdsBoxes() {
        return this == SHELF || this == CABINET;
    }

    boolean mayContain(LocationType inner) {
        return inner.ordinal() == ordinal() + 1 || (this == ROOM && inner == SHELF);
    }
}
