package org.dangan.workflow.assessment;

/** Where a rate stands against its target: the dashboard's red, amber and green. */
public enum Rating {
    GREEN,
    AMBER,
    RED,
    /** No figure: nothing to judge. */
    NONE
}
