package org.dangan.workflow.handover;

public enum HandoverState {
    /** The change is recorded; the inventory is being taken. */
    RECORDED,
    /** Inventoried; the receiving side checks the delivery. */
    CHECKING,
    /** The check found missing, extra or damaged boxes; the giving side resolves them or takes the handover back. */
    DIFFERENCES,
    /** Checked without differences; a supervisor decides. */
    CHECKED,
    /** Approved by a supervisor; custody is being switched. */
    APPROVED,
    /** Custody switched: the successor holds the archive. */
    TRANSFERRED,
    /** Taken back or refused: nothing changed hands. */
    RETURNED
}
