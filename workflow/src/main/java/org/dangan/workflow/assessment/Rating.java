package org.dangan.workflow.assessment;

/** Where a rate stands against its target: the dashboard's red, amber and green. */
public enum Rating {
    GREEN,
    AMBER,
    RED,
    /**
     * A rate above 100 %: the figures do not fit together (a population entered smaller than the
     * records managed), so it is not judged against the target until someone checks them.
     */
    CHECK,
    /** No figure: nothing to judge. */
    NONE
}
